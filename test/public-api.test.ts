// End to end through the package's public entry point: bytes → Mesos types →
// Resources → allocator → offers, as a custom master would use drfcore.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decode,
  HierarchicalDRFAllocator,
  ManualClock,
  Resources,
  toMesosJson,
  type mesos,
} from "../src/index.js";

const vectors = join(__dirname, "fixtures/vectors");

describe("drfcore's public API", () => {
  it("decodes an Offer from Mesos bytes into Resources a master can allocate", () => {
    const offer = decode("mesos.Offer", readFileSync(join(vectors, "offer_many_resources.bin"))) as mesos.Offer;
    // offer_many_resources.textproto: 50 scalars res00..res49 = 0, 0.125, ..., 6.125.
    expect(offer.resources).toHaveLength(50);
    const total = Resources.fromProto(offer.resources ?? []);
    expect(total.size()).toBe(49); // res00 is zero, and Mesos drops zero scalars
    expect(total.scalarQuantities().get("res49")).toBe(6125);
    expect(total.scalarQuantities().get("res01")).toBe(125);

    const offers: Array<{ framework: string; role: string; agent: string; resources: Resources }> = [];
    const allocator = new HierarchicalDRFAllocator({
      clock: new ManualClock(),
      minAllocatableResources: [],
      offerCallback: (framework, byRole) => {
        for (const [role, byAgent] of byRole) {
          for (const [agent, resources] of byAgent) offers.push({ framework, role, agent, resources });
        }
      },
    });
    allocator.addFramework("fw1", { roles: ["analytics"] });
    allocator.addAgent(String(offer.slaveId), { resources: total });

    expect(offers).toHaveLength(1);
    expect(offers[0]!.framework).toBe("fw1");
    expect(offers[0]!.role).toBe("analytics");
    expect(offers[0]!.agent).toBe("6a1c2f3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b-S3");
    // The whole agent is offered, tagged with the role it is allocated to.
    expect(offers[0]!.resources.unallocate().equals(total)).toBe(true);
    expect([...offers[0]!.resources.allocations().keys()]).toEqual(["analytics"]);
    allocator.close();
  });

  it("prints a decoded message as the JSON Mesos prints", () => {
    const bytes = readFileSync(join(vectors, "offer_minimal.bin"));
    const json = toMesosJson("mesos.Offer", decode("mesos.Offer", bytes));
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(join(vectors, "offer_minimal.json"), "utf8")));
  });
});
