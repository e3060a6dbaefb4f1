// Compatibility test: drives the Microsoft.Peering gateway through the official
// Azure SDK for JavaScript, @azure/arm-peering 2.1.0 (api-version 2021-06-01).
//
// Operator-only actions (peer ASN approval, router registration, connection state
// transitions) are not part of the public ARM API and therefore not in the SDK; they are
// sent with node:https to the /operator/v1 API (api-version 2025-05-01).
//
// Environment:
//   PEERING_ENDPOINT      https base URL of the gateway, e.g. https://localhost:18443 (required)
//   PEERING_SUBSCRIPTION  subscription id, e.g. sub-sdk (required)
//   PARTNER_TOKEN         bearer JWT, roles partner+customer on the subscription (required)
//   OPERATOR_TOKEN        bearer JWT, role operator on "*" (required)
//   NODE_EXTRA_CA_CERTS   PEM of the gateway's self-signed certificate (read by Node itself;
//                         TLS verification is never disabled here)
//   PEERING_PEER_ASN      peer ASN to register (default 64501; must be unused on the server)
//   PEERING_RESOURCE_GROUP resource group for the peering (default rg-sdk)
//   PEERING_RUN_SUFFIX    suffix for resource names (default: derived from time + random)
//   PEERING_STEP_TIMEOUT_MS per-step timeout (default 60000)
//
// Output: one "ok <n> <step> - <detail>" line per step. On the first failure prints
// "not ok <n> <step>" with expected/actual (and statusCode/code/message for RestErrors),
// attempts best-effort clean-up, and exits with code 1. Exit code 2 = bad configuration.

import { PeeringManagementClient } from "@azure/arm-peering";
import { randomUUID } from "node:crypto";
import https from "node:https";
import { inspect } from "node:util";

// ---------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------

function requireEnv(name) {
  const value = process.env[name];
  if (!value || !value.trim()) {
    console.error(`configuration error: environment variable ${name} is required`);
    process.exit(2);
  }
  return value.trim();
}

const ENDPOINT = requireEnv("PEERING_ENDPOINT").replace(/\/+$/, "");
const SUBSCRIPTION = requireEnv("PEERING_SUBSCRIPTION");
const PARTNER_TOKEN = requireEnv("PARTNER_TOKEN");
const OPERATOR_TOKEN = requireEnv("OPERATOR_TOKEN");
if (!ENDPOINT.toLowerCase().startsWith("https://")) {
  // The SDK's bearerTokenAuthenticationPolicy refuses to send tokens over plain http.
  console.error(`configuration error: PEERING_ENDPOINT must be an https URL (got ${ENDPOINT})`);
  process.exit(2);
}

const PEER_ASN = Number(process.env.PEERING_PEER_ASN || 64501);
const PRIVATE_ASN = 64512; // not a documentation ASN: must be rejected with 400 BadArgument
const RESOURCE_GROUP = process.env.PEERING_RESOURCE_GROUP || "rg-sdk";
const SUFFIX = (
  process.env.PEERING_RUN_SUFFIX ||
  `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`
).toLowerCase();
const STEP_TIMEOUT_MS = Number(process.env.PEERING_STEP_TIMEOUT_MS || 60_000);

const OPERATOR_API_VERSION = "2025-05-01";
const PEER_NAME = "Sdk Test Peer";
const PEER_ASN_NAME = `sdk-asn-${SUFFIX}`;
const PEERING_NAME = `sdk-ams-${SUFFIX}`;
const ROUTERS = [
  { name: `ams-r1-${SUFFIX}`, bgpIdentifier: "192.0.2.11", sysName: `ams-r1-${SUFFIX}.example` },
  { name: `ams-r2-${SUFFIX}`, bgpIdentifier: "192.0.2.12", sysName: `ams-r2-${SUFFIX}.example` },
];
const MD5_KEY = "sdk-secret-1";
const PEER_ASN_ID = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Peering/peerAsns/${PEER_ASN_NAME}`;

// ---------------------------------------------------------------------------------------
// SDK client
// ---------------------------------------------------------------------------------------

/** Minimal TokenCredential (@azure/core-auth) returning a fixed bearer token. */
function staticTokenCredential(token) {
  return {
    getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
}

const client = new PeeringManagementClient(staticTokenCredential(PARTNER_TOKEN), SUBSCRIPTION, {
  endpoint: ENDPOINT, // 2.1.0: options.endpoint ?? options.baseUri ?? "https://management.azure.com"
  retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
});

/** Operation options that capture the raw HTTP response of one SDK call. */
function captureRaw() {
  const raw = { status: undefined, body: undefined };
  return {
    raw,
    options: {
      onResponse: (rawResponse) => {
        raw.status = rawResponse.status;
        raw.body = rawResponse.bodyAsText;
      },
    },
  };
}

async function collect(pagedIterator) {
  const items = [];
  for await (const item of pagedIterator) items.push(item);
  return items;
}

// ---------------------------------------------------------------------------------------
// Operator API (not in the SDK)
// ---------------------------------------------------------------------------------------

/**
 * Sends one request to the operator API. Uses node:https (the same transport the SDK uses),
 * so NODE_EXTRA_CA_CERTS applies identically to both.
 */
function operatorRequest(method, path, body) {
  const url = new URL(ENDPOINT + path);
  url.searchParams.set("api-version", OPERATOR_API_VERSION);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
  const headers = {
    Authorization: `Bearer ${OPERATOR_TOKEN}`,
    Accept: "application/json",
    "Content-Length": payload ? payload.length : 0,
  };
  if (payload) headers["Content-Type"] = "application/json";
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ method, url: url.toString(), status: res.statusCode, text, json });
      });
    });
    req.on("error", (err) => {
      err.message = `${method} ${url} failed: ${err.message || err.code || err}`;
      reject(err);
    });
    if (payload) req.write(payload);
    req.end();
  });
}

async function operator(method, path, body, expectedStatuses) {
  const res = await operatorRequest(method, path, body);
  if (!expectedStatuses.includes(res.status)) {
    throw new CheckError(
      `operator ${method} ${path}`,
      `HTTP ${expectedStatuses.join(" or ")}`,
      `HTTP ${res.status}: ${truncate(res.text)}`,
    );
  }
  return res;
}

// ---------------------------------------------------------------------------------------
// Checks and reporting
// ---------------------------------------------------------------------------------------

class CheckError extends Error {
  constructor(what, expected, actual) {
    super(what);
    this.name = "CheckError";
    this.what = what;
    this.expected = expected;
    this.actual = actual;
  }
}

function show(value) {
  return typeof value === "string" ? value : inspect(value, { depth: 6, breakLength: 120 });
}

function truncate(text, max = 2000) {
  if (text === undefined || text === null) return String(text);
  const s = String(text);
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new CheckError(what, expected, actual);
}

function expectTrue(condition, what, expected, actual) {
  if (!condition) throw new CheckError(what, expected, actual);
}

function sameText(a, b) {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

function names(items) {
  return items.map((i) => i.name);
}

async function expectRestError(promise, statusCode, code, what) {
  let result;
  try {
    result = await promise;
  } catch (err) {
    if (err?.name !== "RestError") throw err;
    expectEqual(err.statusCode, statusCode, `${what}: RestError.statusCode (message: ${err.message})`);
    expectEqual(err.code, code, `${what}: RestError.code (message: ${err.message})`);
    return err;
  }
  throw new CheckError(what, `rejection with RestError ${statusCode} ${code}`, `resolved with ${show(result)}`);
}

function describeError(err) {
  const lines = [];
  if (err instanceof CheckError) {
    lines.push(`  check:    ${err.what}`);
    lines.push(`  expected: ${show(err.expected)}`);
    lines.push(`  actual:   ${truncate(show(err.actual), 4000)}`);
  } else if (err?.name === "RestError") {
    lines.push(`  RestError statusCode=${err.statusCode} code=${err.code}`);
    lines.push(`  message:  ${truncate(err.message)}`);
    if (err.request) lines.push(`  request:  ${err.request.method} ${err.request.url}`);
    if (err.response?.bodyAsText) lines.push(`  response: ${truncate(err.response.bodyAsText)}`);
  } else {
    lines.push(`  error:    ${err?.name || typeof err}: ${err?.message || show(err)}`);
    if (err?.code) lines.push(`  code:     ${err.code}`);
  }
  // Connection failures may be AggregateErrors (IPv6 + IPv4 attempts) or carry a cause.
  const nested = [...(Array.isArray(err?.errors) ? err.errors : []), ...(err?.cause ? [err.cause] : [])];
  for (const inner of nested) {
    lines.push(`  caused by: ${inner?.code ? `${inner.code} ` : ""}${inner?.message || show(inner)}`);
  }
  return lines.join("\n");
}

let currentStep = 0;

async function step(title, fn) {
  currentStep += 1;
  const n = currentStep;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new CheckError("step duration", `< ${STEP_TIMEOUT_MS} ms`, "timed out")),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    const detail = await Promise.race([fn(), timeout]);
    console.log(`ok ${n} ${title}${detail ? ` - ${detail}` : ""}`);
  } catch (err) {
    err.failedStep = `${n} ${title}`;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------
// Scenario
// ---------------------------------------------------------------------------------------

const state = {
  peerAsnCreated: false,
  peeringCreated: false,
  facilityId: undefined,
  azureRegion: undefined,
  connectionIds: [randomUUID(), randomUUID()],
};

function connectionsOf(peering) {
  return peering?.direct?.connections ?? [];
}

function checkConnectionStates(peering, expected, what) {
  const conns = connectionsOf(peering);
  expectEqual(conns.length, 2, `${what}: number of direct.connections`);
  for (const id of state.connectionIds) {
    const conn = conns.find((c) => sameText(c.connectionIdentifier, id));
    expectTrue(conn, `${what}: connection ${id} present`, "present", conns.map((c) => c.connectionIdentifier));
    expectEqual(conn.connectionState, expected, `${what}: connection ${id} connectionState`);
  }
}

function checkNoMd5(value, what) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  expectTrue(
    !text.includes(MD5_KEY),
    `${what}: md5AuthenticationKey must not be returned`,
    `no "${MD5_KEY}" in the response`,
    truncate(text),
  );
}

function checkPeerAsn(asn, validationState, what) {
  expectEqual(asn.name, PEER_ASN_NAME, `${what}: name`);
  expectTrue(sameText(asn.id, PEER_ASN_ID), `${what}: id`, PEER_ASN_ID, asn.id);
  expectTrue(sameText(asn.type, "Microsoft.Peering/peerAsns"), `${what}: type`, "Microsoft.Peering/peerAsns", asn.type);
  expectEqual(asn.peerAsn, PEER_ASN, `${what}: peerAsn`);
  expectEqual(asn.peerName, PEER_NAME, `${what}: peerName`);
  expectTrue(
    Array.isArray(asn.peerContactDetail) && asn.peerContactDetail.some((c) => c.email === "noc@example.com" && c.role === "Noc"),
    `${what}: peerContactDetail`,
    "contains {role: Noc, email: noc@example.com}",
    asn.peerContactDetail,
  );
  expectEqual(asn.validationState, validationState, `${what}: validationState`);
}

function findLocation(locations, name) {
  return locations.find((l) => l.peeringLocation === name || l.name === name);
}

const peeringPath = () =>
  `/operator/v1/subscriptions/${encodeURIComponent(SUBSCRIPTION)}/resourceGroups/${encodeURIComponent(RESOURCE_GROUP)}` +
  `/peerings/${encodeURIComponent(PEERING_NAME)}`;

async function run() {
  console.log(`# @azure/arm-peering 2.1.0 against ${ENDPOINT}, subscription ${SUBSCRIPTION}, run suffix ${SUFFIX}`);

  await step("operations.list", async () => {
    const ops = await collect(client.operations.list());
    expectTrue(ops.length > 0, "operations.list: non-empty", "at least one operation", ops);
    const bad = ops.filter((o) => typeof o.name !== "string" || !o.name.startsWith("Microsoft.Peering/"));
    expectTrue(bad.length === 0, "operations.list: every name starts with Microsoft.Peering/", "[]", bad);
    return `${ops.length} operations`;
  });

  await step("peerAsns.createOrUpdate / get / listBySubscription", async () => {
    const { raw, options } = captureRaw();
    const created = await client.peerAsns.createOrUpdate(
      PEER_ASN_NAME,
      {
        peerAsn: PEER_ASN,
        peerContactDetail: [{ role: "Noc", email: "noc@example.com", phone: "+1 555 0100" }],
        peerName: PEER_NAME,
      },
      options,
    );
    state.peerAsnCreated = true;
    checkPeerAsn(created, "Pending", "createOrUpdate result");
    const fetched = await client.peerAsns.get(PEER_ASN_NAME);
    checkPeerAsn(fetched, "Pending", "get result");
    const all = await collect(client.peerAsns.listBySubscription());
    expectTrue(all.some((a) => a.name === PEER_ASN_NAME), "listBySubscription contains the peer ASN", PEER_ASN_NAME, names(all));
    return `${PEER_ASN_NAME} (AS${PEER_ASN}) Pending, PUT -> HTTP ${raw.status}, ${all.length} in list`;
  });

  await step("operator approves peer ASN; peerAsns.get", async () => {
    await operator(
      "POST",
      `/operator/v1/subscriptions/${encodeURIComponent(SUBSCRIPTION)}/peerAsns/${encodeURIComponent(PEER_ASN_NAME)}/approve`,
      undefined,
      [200],
    );
    const fetched = await client.peerAsns.get(PEER_ASN_NAME);
    checkPeerAsn(fetched, "Approved", "get after approval");
    return "Approved";
  });

  await step("peeringLocations.list Direct / Exchange", async () => {
    const direct = await collect(client.peeringLocations.list("Direct"));
    const wrongKind = direct.filter((l) => l.kind !== "Direct");
    expectTrue(wrongKind.length === 0, "list(Direct): every item has kind Direct", "[]", wrongKind);
    for (const name of ["Amsterdam", "Frankfurt"]) {
      const loc = findLocation(direct, name);
      expectTrue(loc, `list(Direct) contains ${name}`, name, direct.map((l) => l.peeringLocation ?? l.name));
      const facilities = loc.direct?.peeringFacilities ?? [];
      const facility = facilities.find((f) => Number.isInteger(f.peeringDBFacilityId));
      expectTrue(facility, `${name}: a direct.peeringFacilities entry with numeric peeringDBFacilityId`, "present", loc.direct);
      const offers = loc.direct?.bandwidthOffers ?? [];
      expectTrue(offers.some((o) => o.valueInMbps === 10000), `${name}: direct.bandwidthOffers has valueInMbps 10000`, "present", offers);
      if (name === "Amsterdam") {
        state.facilityId = facility.peeringDBFacilityId;
        state.azureRegion = loc.azureRegion;
        expectTrue(typeof loc.azureRegion === "string" && loc.azureRegion.length > 0, "Amsterdam: azureRegion", "non-empty string", loc.azureRegion);
      }
    }
    const exchange = await collect(client.peeringLocations.list("Exchange"));
    expectTrue(Array.isArray(exchange), "list(Exchange) is an array", "array", exchange);
    const badExchange = exchange.filter((l) => l.kind !== "Exchange" || typeof l.exchange !== "object" || l.exchange === null);
    expectTrue(badExchange.length === 0, "list(Exchange): items have kind Exchange and properties.exchange", "[]", badExchange);
    return `${direct.length} direct, ${exchange.length} exchange; Amsterdam facility ${state.facilityId}, region ${state.azureRegion}`;
  });

  await step("operator registers routers in Amsterdam", async () => {
    for (const r of ROUTERS) {
      await operator(
        "PUT",
        `/operator/v1/routers/${encodeURIComponent(r.name)}`,
        {
          properties: {
            peeringLocation: "Amsterdam",
            peeringDBFacilityId: state.facilityId,
            bgpIdentifier: r.bgpIdentifier,
            sysName: r.sysName,
          },
        },
        [200, 201],
      );
    }
    return ROUTERS.map((r) => r.name).join(", ");
  });

  await step("peerings.createOrUpdate (Direct, Basic_Direct_Free + useForPeeringService)", async () => {
    const connection = (i) => ({
      bandwidthInMbps: 10000,
      sessionAddressProvider: "Peer",
      useForPeeringService: true,
      peeringDBFacilityId: state.facilityId,
      connectionIdentifier: state.connectionIds[i],
      bgpSession: {
        sessionPrefixV4: i === 0 ? "192.0.2.0/31" : "192.0.2.2/31",
        peerSessionIPv4Address: i === 0 ? "192.0.2.1" : "192.0.2.3",
        microsoftSessionIPv4Address: i === 0 ? "192.0.2.0" : "192.0.2.2",
        maxPrefixesAdvertisedV4: 1000,
        md5AuthenticationKey: MD5_KEY,
      },
    });
    const { raw, options } = captureRaw();
    const peering = await client.peerings.createOrUpdate(
      RESOURCE_GROUP,
      PEERING_NAME,
      {
        location: state.azureRegion,
        kind: "Direct",
        sku: { name: "Basic_Direct_Free" },
        peeringLocation: "Amsterdam",
        direct: {
          directPeeringType: "Edge",
          peerAsn: { id: PEER_ASN_ID },
          connections: [connection(0), connection(1)],
        },
      },
      options,
    );
    state.peeringCreated = true;
    checkNoMd5(peering, "createOrUpdate result");
    checkNoMd5(raw.body ?? "", "createOrUpdate raw body");
    expectEqual(peering.name, PEERING_NAME, "name");
    expectEqual(peering.kind, "Direct", "kind");
    expectEqual(peering.peeringLocation, "Amsterdam", "peeringLocation");
    expectEqual(peering.sku?.name, "Premium_Direct_Free", "sku.name (useForPeeringService upgrades Basic to Premium)");
    expectEqual(peering.sku?.tier, "Premium", "sku.tier");
    expectEqual(peering.sku?.family, "Direct", "sku.family");
    expectTrue(sameText(peering.direct?.peerAsn?.id, PEER_ASN_ID), "direct.peerAsn.id", PEER_ASN_ID, peering.direct?.peerAsn);
    checkConnectionStates(peering, "PendingApproval", "createOrUpdate result");
    const first = connectionsOf(peering).find((c) => sameText(c.connectionIdentifier, state.connectionIds[0]));
    expectEqual(first.bgpSession?.sessionPrefixV4, "192.0.2.0/31", "connection[0].bgpSession.sessionPrefixV4");
    return `${PEERING_NAME} ${peering.sku.name}, PUT -> HTTP ${raw.status}, provisioningState ${peering.provisioningState}`;
  });

  await step("peerings.get / listByResourceGroup / listBySubscription / update(tags)", async () => {
    const fetched = await client.peerings.get(RESOURCE_GROUP, PEERING_NAME);
    expectEqual(fetched.name, PEERING_NAME, "get: name");
    checkConnectionStates(fetched, "PendingApproval", "get");
    checkNoMd5(fetched, "get result");
    const inRg = await collect(client.peerings.listByResourceGroup(RESOURCE_GROUP));
    expectTrue(inRg.some((p) => p.name === PEERING_NAME), "listByResourceGroup contains the peering", PEERING_NAME, names(inRg));
    const inSub = await collect(client.peerings.listBySubscription());
    expectTrue(inSub.some((p) => p.name === PEERING_NAME), "listBySubscription contains the peering", PEERING_NAME, names(inSub));
    checkNoMd5(inSub, "listBySubscription result");
    const updated = await client.peerings.update(RESOURCE_GROUP, PEERING_NAME, { tags: { env: "sdk" } });
    expectEqual(updated.tags?.env, "sdk", "update result: tags.env");
    const again = await client.peerings.get(RESOURCE_GROUP, PEERING_NAME);
    expectEqual(again.tags?.env, "sdk", "get after update: tags.env");
    return `${inRg.length} in ${RESOURCE_GROUP}, ${inSub.length} in subscription, tags.env=sdk`;
  });

  await step("operator drives both connections to Active; peerings.get", async () => {
    const transitions = ["ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active"];
    for (let i = 0; i < 2; i++) {
      const path = `${peeringPath()}/connections/${encodeURIComponent(state.connectionIds[i])}/state`;
      const bodies = [{ state: "Approved", routerName: ROUTERS[i].name }, ...transitions.map((s) => ({ state: s }))];
      for (const body of bodies) {
        const res = await operator("POST", path, body, [200]);
        const conn = (res.json?.properties?.direct?.connections ?? []).find((c) =>
          sameText(c.connectionIdentifier, state.connectionIds[i]),
        );
        if (conn) {
          expectEqual(conn.connectionState, body.state, `operator response after ${body.state}: connection ${i} connectionState`);
        }
        checkNoMd5(res.text ?? "", `operator response after ${body.state}`);
      }
    }
    const fetched = await client.peerings.get(RESOURCE_GROUP, PEERING_NAME);
    checkConnectionStates(fetched, "Active", "get after provisioning");
    checkNoMd5(fetched, "get after provisioning");
    return "both connections Active";
  });

  await step("peeringServiceCountries.list / peeringServiceLocations.list", async () => {
    const countries = await collect(client.peeringServiceCountries.list());
    for (const c of ["Netherlands", "United States"]) {
      expectTrue(countries.some((x) => x.name === c), `peeringServiceCountries contains ${c}`, c, names(countries));
    }
    const locations = await collect(client.peeringServiceLocations.list({ country: "Netherlands" }));
    expectTrue(
      locations.some((l) => l.name === "Noord-Holland" || l.state === "Noord-Holland"),
      "peeringServiceLocations(country=Netherlands) contains Noord-Holland",
      "Noord-Holland",
      locations.map((l) => ({ name: l.name, state: l.state, country: l.country })),
    );
    const foreign = locations.filter((l) => l.country !== undefined && l.country !== "Netherlands");
    expectTrue(foreign.length === 0, "peeringServiceLocations(country=Netherlands): country filter applied", "[]", foreign);
    return `${countries.length} countries, ${locations.length} locations in Netherlands`;
  });

  await step("peeringServiceProviders.list", async () => {
    const providers = await collect(client.peeringServiceProviders.list());
    const mine = providers.find((p) => p.name === PEER_NAME || p.serviceProviderName === PEER_NAME);
    expectTrue(mine, `peeringServiceProviders contains "${PEER_NAME}"`, PEER_NAME, providers.map((p) => p.serviceProviderName ?? p.name));
    expectTrue(
      Array.isArray(mine.peeringLocations) && mine.peeringLocations.includes("Amsterdam"),
      `"${PEER_NAME}".peeringLocations includes Amsterdam`,
      "Amsterdam",
      mine.peeringLocations,
    );
    return `${providers.length} providers, "${PEER_NAME}" at ${mine.peeringLocations.join(", ")}`;
  });

  await step("checkServiceProviderAvailability", async () => {
    // 2.1.0 models the 200 body as a JSON string and returns it wrapped: { body: "Available" }.
    const value = (res) => (typeof res === "string" ? res : res?.body);
    const near = await client.checkServiceProviderAvailability({
      peeringServiceLocation: "Noord-Holland",
      peeringServiceProvider: PEER_NAME,
    });
    expectEqual(value(near), "Available", "Noord-Holland / Sdk Test Peer");
    const far = await client.checkServiceProviderAvailability({
      peeringServiceLocation: "Washington",
      peeringServiceProvider: PEER_NAME,
    });
    expectEqual(value(far), "Unavailable", "Washington / Sdk Test Peer");
    return "Noord-Holland Available, Washington Unavailable";
  });

  await step("legacyPeerings.list(Amsterdam, Direct)", async () => {
    const legacy = await collect(client.legacyPeerings.list("Amsterdam", "Direct"));
    expectTrue(Array.isArray(legacy), "legacyPeerings.list is an array", "array", legacy);
    expectTrue(legacy.some((p) => p.name === PEERING_NAME), "legacyPeerings contains the peering", PEERING_NAME, names(legacy));
    checkNoMd5(legacy, "legacyPeerings result");
    return `${legacy.length} peerings`;
  });

  await step("error mapping (404 ResourceNotFound, 400 BadArgument)", async () => {
    await expectRestError(client.peerAsns.get(`does-not-exist-${SUFFIX}`), 404, "ResourceNotFound", "peerAsns.get(unknown)");
    await expectRestError(
      client.peerAsns.createOrUpdate(`sdk-private-${SUFFIX}`, {
        peerAsn: PRIVATE_ASN,
        peerContactDetail: [{ role: "Noc", email: "noc@example.com", phone: "+1 555 0100" }],
        peerName: PEER_NAME,
      }),
      400,
      "BadArgument",
      `peerAsns.createOrUpdate(AS${PRIVATE_ASN})`,
    );
    return "404 ResourceNotFound, 400 BadArgument";
  });

  await step("peerings.delete / peerAsns.delete", async () => {
    const p = captureRaw();
    await client.peerings.delete(RESOURCE_GROUP, PEERING_NAME, p.options);
    state.peeringCreated = false;
    await expectRestError(client.peerings.get(RESOURCE_GROUP, PEERING_NAME), 404, "ResourceNotFound", "peerings.get after delete");
    const a = captureRaw();
    await client.peerAsns.delete(PEER_ASN_NAME, a.options);
    state.peerAsnCreated = false;
    await expectRestError(client.peerAsns.get(PEER_ASN_NAME), 404, "ResourceNotFound", "peerAsns.get after delete");
    return `DELETE peering -> HTTP ${p.raw.status}, DELETE peerAsn -> HTTP ${a.raw.status}`;
  });
}

async function bestEffortCleanup() {
  const attempts = [];
  if (state.peeringCreated) attempts.push(["peerings.delete", () => client.peerings.delete(RESOURCE_GROUP, PEERING_NAME)]);
  if (state.peerAsnCreated) attempts.push(["peerAsns.delete", () => client.peerAsns.delete(PEER_ASN_NAME)]);
  for (const [label, fn] of attempts) {
    try {
      await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error("timed out")), 15_000))]);
      console.log(`# cleanup: ${label} ok`);
    } catch (err) {
      console.log(`# cleanup: ${label} failed: ${err?.statusCode ?? ""} ${err?.code ?? ""} ${err?.message ?? err}`);
    }
  }
}

try {
  await run();
  console.log(`# all ${currentStep} steps passed`);
  process.exit(0);
} catch (err) {
  console.log(`not ok ${err?.failedStep ?? `${currentStep} (outside a step)`}`);
  console.log(describeError(err));
  await bestEffortCleanup();
  process.exit(1);
}
