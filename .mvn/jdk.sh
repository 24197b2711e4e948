# Finds a JDK 21 or newer for riskstream's build and tools. POSIX sh, sourced by ./mvnw, bin/riskstream and .ci/run.
# The build targets Java 21, but a stock machine's default java may be older (Debian 12's is 17): then this picks,
# in order, JAVA_HOME, the java on the PATH, and the JDKs installed in the usual places, and says which it chose.
# Sets JAVA_HOME (and puts its bin first on the PATH); returns 1 with a message when no JDK 21+ exists.

riskstream_java_major() { # $1: a java launcher, $2: its JDK home
    # The JDK's release file (every JDK since 9 has one) names its version without starting a JVM, which costs about
    # 0.15 s per candidate on every ./mvnw and bin/riskstream call; a JDK without one is asked the slow way.
    _rs_release="$(awk -F'"' '/^JAVA_VERSION="[0-9]/ { sub(/[^0-9.].*/, "", $2); split($2, v, ".");
        print (v[1] == "1" ? v[2] : v[1]); exit }' "$2/release" 2>/dev/null)"
    if [ -n "$_rs_release" ]; then
        echo "$_rs_release"
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

riskstream_use_jdk() { # $1: quiet|verbose
    _rs_mode="$1"
    _rs_first=""
    _rs_candidates=""
    if [ -n "${JAVA_HOME-}" ]; then
        _rs_candidates="$JAVA_HOME"
        _rs_first="JAVA_HOME ($JAVA_HOME)"
    fi
    if command -v java >/dev/null 2>&1; then
        _rs_path_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
        _rs_candidates="$_rs_candidates
$_rs_path_home"
        [ -n "$_rs_first" ] || _rs_first="the java on the PATH ($_rs_path_home)"
    fi
    # ./mvnw runs with globbing off (set -f); the installed-JDK patterns need it for a moment
    case "$-" in *f*) _rs_noglob=1; set +f ;; *) _rs_noglob=0 ;; esac
    for _rs_dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$_rs_dir" ] && _rs_candidates="$_rs_candidates
$_rs_dir"
    done
    [ "$_rs_noglob" = 1 ] && set -f
    _rs_first_major=""
    _rs_first_home=""
    _rs_old_ifs="$IFS"
    IFS='
'
    for _rs_home in $_rs_candidates; do
        [ -x "$_rs_home/bin/java" ] && [ -x "$_rs_home/bin/javac" ] || continue
        _rs_major="$(riskstream_java_major "$_rs_home/bin/java" "$_rs_home")"
        if [ -z "$_rs_first_home" ]; then _rs_first_home="$_rs_home"; _rs_first_major="$_rs_major"; fi
        case "$_rs_major" in '' | *[!0-9]*) continue ;; esac
        if [ "$_rs_major" -ge 21 ]; then
            IFS="$_rs_old_ifs"
            if [ "$_rs_mode" = verbose ] && [ "$_rs_home" != "$_rs_first_home" ]; then
                echo "riskstream: ${_rs_first:-the default java} is JDK $_rs_first_major; the build needs 21 or newer," \
                    "so it uses JDK $_rs_major at $_rs_home (set JAVA_HOME to choose another)" >&2
            fi
            JAVA_HOME="$_rs_home"
            export JAVA_HOME
            PATH="$_rs_home/bin:$PATH"
            export PATH
            return 0
        fi
    done
    IFS="$_rs_old_ifs"
    echo "riskstream: the build needs a JDK 21 or newer, and none was found (${_rs_first:-no java on the PATH}" \
        "${_rs_first_major:+is JDK $_rs_first_major}; also looked in /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks)." \
        "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it." >&2
    return 1
}
