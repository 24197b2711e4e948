package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.TagStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

public class JdbcTagStore implements TagStore {

    private static final String TAG_COLUMNS = """
            select t.id, t.portfolio_id, t.kind, t.name, t.colour, t.description,
                   array(select pt.position_id from position_tag pt where pt.tag_id = t.id order by pt.position_id)
            from portfolio_tag t""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcTagStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replaceSectorTags(UUID portfolioId, Map<UUID, SectorTagSpec> sectorByPosition) {
        Map<String, SectorTagSpec> byName = new TreeMap<>();
        sectorByPosition.values().forEach(spec -> byName.put(spec.name(), spec));
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("id", portfolioId)
                .addValue("tagIds", byName.keySet().stream().map(n -> UUID.randomUUID().toString()).toArray(String[]::new))
                .addValue("names", byName.keySet().toArray(String[]::new))
                .addValue("colours", byName.values().stream().map(SectorTagSpec::colour).toArray(String[]::new))
                .addValue("descriptions", byName.values().stream().map(SectorTagSpec::description).toArray(String[]::new))
                .addValue("positions", sectorByPosition.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .addValue("tagNames", sectorByPosition.values().stream().map(SectorTagSpec::name).toArray(String[]::new));
        // statements that change nothing when the tagging is already as wanted: a replay writes no row
        jdbc.update("""
                insert into portfolio_tag (id, portfolio_id, kind, name, colour, description)
                select cast(i as uuid), :id, 'SECTOR', n, c, d
                from unnest(cast(:tagIds as varchar[]), cast(:names as varchar[]), cast(:colours as varchar[]),
                            cast(:descriptions as varchar[])) as t(i, n, c, d)
                on conflict (portfolio_id, kind, name) do update set colour = excluded.colour,
                  description = excluded.description
                where (portfolio_tag.colour, portfolio_tag.description)
                      is distinct from (excluded.colour, excluded.description)""", p);
        jdbc.update("""
                delete from position_tag pt using portfolio_tag t
                where pt.tag_id = t.id and t.portfolio_id = :id and t.kind = 'SECTOR'
                  and not exists (select 1 from unnest(cast(cast(:positions as varchar[]) as uuid[]),
                                                       cast(:tagNames as varchar[])) as w(p, n)
                                  where w.p = pt.position_id and w.n = t.name)""", p);
        jdbc.update("""
                insert into position_tag (position_id, tag_id)
                select w.p, t.id from unnest(cast(cast(:positions as varchar[]) as uuid[]), cast(:tagNames as varchar[]))
                                      as w(p, n)
                join portfolio_tag t on t.portfolio_id = :id and t.kind = 'SECTOR' and t.name = w.n
                on conflict do nothing""", p);
        jdbc.update("""
                delete from portfolio_tag t where t.portfolio_id = :id and t.kind = 'SECTOR'
                  and not exists (select 1 from position_tag pt where pt.tag_id = t.id)""", p);
    }

    @Override
    public Optional<Tag> createUserTag(UUID portfolioId, String name, String colour, String description) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into portfolio_tag (id, portfolio_id, kind, name, colour, description)
                values (:tag, :id, 'USER', :name, :colour, :description)
                on conflict (portfolio_id, kind, name) do nothing""",
                new MapSqlParameterSource().addValue("tag", id).addValue("id", portfolioId).addValue("name", name)
                        .addValue("colour", colour).addValue("description", description));
        return inserted == 1 ? find(portfolioId, id) : Optional.empty();
    }

    @Override
    public Optional<Tag> find(UUID portfolioId, UUID tagId) {
        return jdbc.query(TAG_COLUMNS + " where t.portfolio_id = :id and t.id = :tag",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("tag", tagId), JdbcTagStore::tag)
                .stream().findFirst();
    }

    @Override
    public List<Tag> tags(UUID portfolioId) {
        return jdbc.query(TAG_COLUMNS + " where t.portfolio_id = :id order by t.kind, t.name",
                new MapSqlParameterSource("id", portfolioId), JdbcTagStore::tag);
    }

    @Override
    public void attach(UUID positionId, UUID tagId) {
        jdbc.update("insert into position_tag (position_id, tag_id) values (:position, :tag) on conflict do nothing",
                new MapSqlParameterSource().addValue("position", positionId).addValue("tag", tagId));
    }

    @Override
    public boolean detach(UUID positionId, UUID tagId) {
        return jdbc.update("delete from position_tag where position_id = :position and tag_id = :tag",
                new MapSqlParameterSource().addValue("position", positionId).addValue("tag", tagId)) == 1;
    }

    @Override
    public List<TagExposure> exposures(UUID portfolioId, LocalDate date) {
        return jdbc.query("""
                        select t.id, t.kind, t.name, t.colour,
                               count(*) filter (where v.status = 'OPEN'),
                               coalesce(sum(v.market_value) filter (where v.status = 'OPEN'), 0),
                               coalesce(sum(abs(v.market_value)) filter (where v.status = 'OPEN'), 0),
                               coalesce(sum(v.weight) filter (where v.status = 'OPEN'), 0),
                               coalesce(sum(v.unrealized_pnl) filter (where v.status = 'OPEN'), 0),
                               coalesce(sum(v.realized_pnl) filter (where v.status = 'CLOSED'), 0)
                        from portfolio_tag t
                        join position_tag pt on pt.tag_id = t.id
                        join portfolio_position_value v on v.portfolio_id = t.portfolio_id
                             and v.position_id = pt.position_id and v.calculation_date = :date
                        where t.portfolio_id = :id
                        group by t.id, t.kind, t.name, t.colour order by t.kind, t.name""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date),
                (rs, i) -> new TagExposure(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                        rs.getDouble(9), rs.getDouble(10)));
    }

    private static Tag tag(ResultSet rs, int row) throws SQLException {
        Array positions = rs.getArray(7);
        List<UUID> ids = new ArrayList<>(Arrays.asList((UUID[]) positions.getArray()));
        return new Tag(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), ids);
    }
}
