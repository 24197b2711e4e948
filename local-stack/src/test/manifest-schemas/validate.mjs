// Validates Kubernetes documents against their schemas: node validate.mjs DOCUMENTS.json, where the file holds a JSON
// array of documents. Prints one JSON line per document: {"index", "apiVersion", "kind", "name", "errors": [...]}.
// The validators come from kubernetes-models (generated from Kubernetes' OpenAPI document and from the CRDs' OpenAPI
// schemas of KEDA and the Prometheus Operator); a kind none of them knows is an error, never a silent pass.
import { readFileSync } from "node:fs";
import * as core from "kubernetes-models/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as policy from "kubernetes-models/policy/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as keda from "@kubernetes-models/keda/keda.sh/v1alpha1";
import * as monitoring from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const models = {
  "v1": core,
  "apps/v1": apps,
  "policy/v1": policy,
  "networking.k8s.io/v1": networking,
  "keda.sh/v1alpha1": keda,
  "monitoring.coreos.com/v1": monitoring,
};

const documents = JSON.parse(readFileSync(process.argv[2], "utf8"));
documents.forEach((doc, index) => {
  const result = { index, apiVersion: doc?.apiVersion, kind: doc?.kind, name: doc?.metadata?.name, errors: [] };
  const Model = models[doc?.apiVersion]?.[doc?.kind];
  if (typeof Model !== "function") {
    result.errors.push(`no schema for apiVersion ${doc?.apiVersion} kind ${doc?.kind}`);
  } else {
    try {
      new Model(doc).validate();
    } catch (e) {
      result.errors.push(e.message);
    }
  }
  console.log(JSON.stringify(result));
});
