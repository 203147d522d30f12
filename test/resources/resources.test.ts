/**
 * Resources semantics. Expected results are the facts of Mesos'
 * src/tests/resources_tests.cpp (test names cited), written here as our own tests.
 */
import { describe, expect, it } from "vitest";
import { Resources, ResourceParseError, ResourceError, type Resource } from "../../src/resources/index.js";
import type { DiskSource } from "../../src/types/resource.js";

const P = (s: string, role?: string) => Resources.parse(s, role);

/** Mesos' test helper createDiskResource(value, role, persistenceID, containerPath, source, shared). */
function disk(value: number, role: string, persistenceId?: string, containerPath?: string, source?: DiskSource, shared = false): Resource {
  const d: Record<string, unknown> = {};
  if (persistenceId !== undefined) d.persistence = { id: persistenceId };
  if (containerPath !== undefined) d.volume = { mode: "RW", containerPath };
  if (source !== undefined) d.source = source;
  const r: Record<string, unknown> = { name: "disk", type: "SCALAR", scalar: value };
  if (Object.keys(d).length > 0) r.disk = d;
  if (role !== "*") r.reservations = [{ type: "STATIC", role }];
  if (shared) r.shared = {};
  return r as unknown as Resource;
}
const R = (...rs: Resource[]) => Resources.fromProto(rs);
const pathSource = (root: string): DiskSource => ({ type: "PATH", path: { root } });
const mountSource = (root: string): DiskSource => ({ type: "MOUNT", mount: { root } });

function dynamic(text: string, role: string, principal: string, labels?: Array<{ key: string; value?: string }>): Resources {
  return P(text).flatten(role, labels ? { principal, labels } : { principal });
}

describe("parsing (ResourcesTest.Parsing, ParsingWithRoles, ParseError)", () => {
  it("reads scalars, ranges and sets", () => {
    const r = P("cpus:45.55;ports:[10000-20000, 30000-50000];disks:{sda1}");
    expect(r.scalar("cpus")).toBe(45550);
    expect(r.rangesOf("ports").toString()).toBe("[10000-20000,30000-50000]");
    expect(r.setOf("disks")).toEqual(["sda1"]);
    expect(r.size()).toBe(3);
  });
  it("reads roles, and applies the default role to names without one", () => {
    const parse2 = P("cpus(role1):2.5;ports(role2):[0-100]");
    expect(parse2.equals(P("cpus:2.5;ports(role2):[0-100]", "role1"))).toBe(true);
    expect(parse2.reserved("role1").equals(P("cpus(role1):2.5"))).toBe(true);
    expect(P(parse2.toString()).equals(parse2)).toBe(true);
  });
  it("rejects a missing colon, mismatched parentheses and one name with two types", () => {
    for (const bad of ["cpus(role1)", "cpus(role1:1", "cpus)(role1:1", "foo(role1):1;foo(role2):[0-1]"]) {
      expect(() => P(bad), bad).toThrow(ResourceParseError);
    }
  });
  it("says what, where and why", () => {
    try {
      P("cpus:1;mem:abc");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ResourceParseError);
      const err = e as ResourceParseError;
      expect(err.offset).toBe(7);
      expect(err.fragment).toBe("mem:abc");
      expect(err.message).toContain("offset 7");
      expect(err.message).toContain("'abc' is not a number");
    }
  });
  it("rejects invalid roles, empty names, duplicate set items and text after the role", () => {
    for (const bad of ["cpus(.):1", "cpus(a/*):1", "cpus( ):1", "cpus(-a):1", "cpus(/a):1", "(r1):1", "zones:{a,b,a}", "cpus(r1)x:1", "cpus:1;"+ " "]) {
      expect(() => P(bad), bad).toThrow(ResourceParseError);
    }
  });
  it("accepts hierarchical roles, '*' as unreserved, empty pieces and {} as empty", () => {
    expect(P("cpus(a/b):1").reserved("a/b").isEmpty()).toBe(false);
    expect(P("cpus(*):2").equals(P("cpus:2"))).toBe(true);
    expect(P(";;cpus:1;;").equals(P("cpus:1"))).toBe(true);
    expect(P("").isEmpty()).toBe(true);
    expect(P("{}").isEmpty()).toBe(true);
  });
  it("reads Mesos' JSON form (ResourcesTest.ParsingFromJSON, ParsingFromJSONWithRoles)", () => {
    const r = P('[{"name":"cpus","type":"SCALAR","scalar":{"value":45.55}},' +
      '{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":10000,"end":20000},{"begin":30000,"end":50000}]}},' +
      '{"name":"pandas","type":"SET","set":{"item":["lun_lun","yang_yang"]},"role":"panda_liason"}]');
    expect(r.equals(P("cpus:45.55;ports:[10000-20000,30000-50000];pandas(panda_liason):{lun_lun,yang_yang}"))).toBe(true);
  });
  it("rejects bad JSON resources (ResourcesTest.ParsingFromJSONError)", () => {
    for (const bad of [
      '[{"name":"pandas","set":{"item":["a"]}}]', // missing type
      '[{"name":"","type":"SET","set":{"item":["a"]}}]', // empty name
      '[{"name":"pandas","type":"FLOATINGPOINT","set":{"item":["a"]}}]',
      '[{"name":"panda_power","type":"SCALAR","scalar":{"value":-1}}]',
      '[{"name":"h","type":"SCALAR","scalar":{"value":14}},{"name":"h","type":"SET","set":{"item":["x"]}}]',
      '[{"name":"sad","type":"SET","set":{"item":["a"]}}]once upon a time',
    ]) expect(() => P(bad), bad).toThrow(ResourceParseError);
  });
});

describe("scalars (ResourcesTest.Scalar*, Precision*)", () => {
  it("equality and roles (ScalarEquals)", () => {
    expect(P("cpus:3;mem:3072").equals(P("cpus:3;mem:3072"))).toBe(true);
    expect(P("cpus(role1):3").equals(P("cpus(role2):3"))).toBe(false);
  });
  it("containment (ScalarSubset, ScalarSubset2)", () => {
    expect(P("cpus:1;mem:4096").contains(P("cpus:1;mem:3072"))).toBe(true);
    expect(P("cpus:1;mem:3072").contains(P("cpus:1;mem:4096"))).toBe(false);
    expect(P("cpus(role2):1").contains(P("cpus(role1):1"))).toBe(false);
    expect(P("cpus(role1):3").contains(P("cpus(role1):1"))).toBe(true);
    expect(P("cpus(role1):1").contains(P("cpus(role1):3"))).toBe(false);
  });
  it("addition and subtraction (ScalarAddition, ScalarAddition2, ScalarSubtraction, ScalarSubtraction2)", () => {
    const sum = P("cpus:1;mem:5").plus(P("cpus:2;mem:10"));
    expect(sum.size()).toBe(2);
    expect([sum.scalar("cpus"), sum.scalar("mem")]).toEqual([3000, 15000]);
    const sum2 = P("cpus(role1):1;cpus(role2):3").plus(P("cpus(role1):5"));
    expect(sum2.equals(P("cpus(role1):6;cpus(role2):3"))).toBe(true);
    expect(sum2.scalar("cpus")).toBe(9000);
    const diff = P("cpus:50;mem:4096").minus(P("cpus:0.5;mem:1024"));
    expect([diff.scalar("cpus"), diff.scalar("mem")]).toEqual([49500, 3072000]);
    expect(P("cpus:50;mem:4096").minus(P("cpus:50;mem:4096")).isEmpty()).toBe(true);
    expect(P("cpus(role1):5;cpus(role2):3").minus(P("cpus(role1):1")).equals(P("cpus(role1):4;cpus(role2):3"))).toBe(true);
  });
  it("a + b does not change a; a.add(b) does", () => {
    const a = P("cpus:1"), b = P("cpus:2");
    const c = a.plus(b);
    expect(a.scalar("cpus")).toBe(1000);
    expect(c.scalar("cpus")).toBe(3000);
    a.add(b);
    expect(a.scalar("cpus")).toBe(3000);
    a.subtract(a);
    expect(a.isEmpty()).toBe(true);
  });
  it("in-place += and -= on aligned bags never write through to a copy, and drop what reaches zero mid-bag", () => {
    const r = P("cpus:1;gpus:1;mem:128;disk:256");
    const total = Resources.empty();
    for (let i = 0; i < 1000; i++) total.add(r);
    const snapshot = total.clone();
    const sum = total.plus(r);
    for (let i = 0; i < 10; i++) total.add(r);
    expect(snapshot.equals(P("cpus:1000;gpus:1000;mem:128000;disk:256000"))).toBe(true);
    expect(sum.equals(P("cpus:1001;gpus:1001;mem:128128;disk:256256"))).toBe(true);
    expect(total.equals(P("cpus:1010;gpus:1010;mem:129280;disk:258560"))).toBe(true);
    // gpus reaches zero in the middle of the bag; the other entries shrink.
    total.subtract(P("cpus:10;gpus:1010;mem:1280;disk:2560"));
    expect(total.equals(P("cpus:1000;mem:128000;disk:256000"))).toBe(true);
    for (let i = 0; i < 1000; i++) total.subtract(r);
    expect(total.isEmpty()).toBe(true);
    expect(snapshot.scalar("gpus")).toBe(1000_000);
    // A bag that became empty takes entries again.
    total.add(r);
    expect(total.equals(r)).toBe(true);
  });
  it("keeps 3 decimals exactly through many operations (PrecisionSimple, PrecisionManyConsecutiveOps, PrecisionLost, PrecisionRounding)", () => {
    const cpu = P("cpus:1.001");
    expect(cpu.plus(cpu).plus(cpu).minus(cpu).minus(cpu).equals(cpu)).toBe(true);
    expect(cpu.minus(P("cpus:0")).equals(cpu)).toBe(true);
    const current = cpu.clone();
    for (let i = 0; i < 100000; i++) current.add(cpu);
    for (let i = 0; i < 100000; i++) current.subtract(cpu);
    expect(current.equals(cpu)).toBe(true);
    expect(P("cpus:1.5011").scalar("cpus")).toBe(1501);
    expect(P("cpus:1.5015").scalar("cpus")).toBe(1502);
  });
  it("subtracting more than present drops the resource, no debt (Resources::subtract)", () => {
    expect(P("cpus:1;mem:5").minus(P("cpus:2")).plus(P("cpus:1")).equals(P("cpus:1;mem:5"))).toBe(true);
  });
  it("never stores zero scalars (BadResourcesNotAllocatable, AbsentResources)", () => {
    expect(P("cpus:0;mem:0").isEmpty()).toBe(true);
    expect(P("cpus:-0").isEmpty()).toBe(true);
    expect(() => Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 1, reservations: [] } as unknown as Resource]).size()).not.toThrow();
    expect(() => Resources.fromProto([{ type: "SCALAR", scalar: 1 } as unknown as Resource])).toThrow(ResourceError);
  });
  it("rejects a non-zero value below the precision (VerySmallValue)", () => {
    expect(() => P("cpus:0.00001;mem:1")).toThrow(ResourceParseError);
  });
});

describe("ranges and sets (ResourcesTest.Ranges*, Set*)", () => {
  it("RangesSubset", () => {
    const [r1, r2, r3, r4, r5] = ["[2-2, 4-5]", "[1-10]", "[2-3]", "[1-2, 4-6]", "[1-4, 5-5]"].map((v) => P(`ports:${v}`));
    expect(r1!.rangesOf("ports").intervalCount).toBe(2);
    expect(r5!.rangesOf("ports").intervalCount).toBe(1);
    expect([r2!.contains(r1!), r1!.contains(r2!), r3!.contains(r1!), r1!.contains(r3!), r2!.contains(r3!)]).toEqual([true, false, false, false, true]);
    expect([r3!.contains(r2!), r4!.contains(r1!), r2!.contains(r4!), r5!.contains(r1!), r1!.contains(r5!)]).toEqual([false, true, true, true, false]);
  });
  it("RangesAddition*, RangesSubtraction*", () => {
    expect(P("ports:[20000-40000]").plus(P("ports:[30000-50000, 10000-20000]")).equals(P("ports:[10000-50000]"))).toBe(true);
    expect(P("ports:[1-10, 5-30, 50-60]").plus(P("ports:[1-65, 70-80]")).toString()).toBe("ports:[1-65,70-80]");
    expect(P("ports:[1-4, 9-10, 20-22, 26-30]").plus(P("ports:[5-8, 23-25]")).toString()).toBe("ports:[1-10,20-30]");
    expect(P("ports:[50000-60000]").minus(P("ports:[50000-50001]")).toString()).toBe("ports:[50002-60000]");
    expect(P("ports:[50000-60000]").minus(P("ports:[50000-50000]")).toString()).toBe("ports:[50001-60000]");
    expect(P("ports:[50000-60000]").minus(P("").plus(P("ports:[50000-50001]"))).toString()).toBe("ports:[50002-60000]");
    expect(P("ports:[50000-60000]").minus(P("ports:[50000-60000]")).isEmpty()).toBe(true);
    expect(P("ports:[1-10]").minus(P("ports:[11-20]")).toString()).toBe("ports:[1-10]");
  });
  it("SetEquals, SetSubset, SetAddition, SetSubtraction", () => {
    expect(P("disks:{sda1}").equals(P("disks:{sda1}"))).toBe(true);
    expect(P("disks:{sda1,sda3,sda4,sda2}").contains(P("disks:{sda1,sda2}"))).toBe(true);
    expect(P("disks:{sda1,sda2}").contains(P("disks:{sda1,sda3,sda4,sda2}"))).toBe(false);
    expect(P("disks:{sda1,sda2,sda3}").plus(P("disks:{sda1,sda2,sda3,sda4}")).setOf("disks")).toHaveLength(4);
    expect(P("disks:{sda1,sda2,sda3,sda4}").minus(P("disks:{sda2,sda3,sda4}")).setOf("disks")).toEqual(["sda1"]);
  });
  it("EmptyUnequal", () => {
    expect(P("").equals(P("cpus:2"))).toBe(false);
  });
});

describe("filters and names (ResourcesTest.Reservations, HierarchicalReservations, Get, Names, Types, FlattenRoles)", () => {
  const unreserved = P("cpus:1;mem:2;disk:4");
  const role1 = P("cpus(role1):2;mem(role1):4;disk(role1):8");
  const role2 = P("cpus(role2):4;mem(role2):8;disk(role2):6");
  const all = unreserved.plus(role1).plus(role2);
  it("Reservations", () => {
    const reserved = all.reservations();
    expect(reserved.size).toBe(2);
    expect(reserved.get("role1")!.equals(role1)).toBe(true);
    expect(all.reserved("role2").equals(role2)).toBe(true);
    expect(all.reserved("*").isEmpty()).toBe(true);
    expect(all.unreserved().equals(unreserved)).toBe(true);
    expect(all.reserved().equals(role1.plus(role2))).toBe(true);
  });
  it("HierarchicalReservations: allocatableTo", () => {
    const gf = P("cpus(a):2;mem(a):4;disk(a):8"), father = P("cpus(a/bx):4;mem(a/bx):8;disk(a/bx):16");
    const uncle = P("cpus(a/b):4;mem(a/b):8;disk(a/b):16"), child = P("cpus(a/bx/c):8;mem(a/bx/c):16;disk(a/bx/c):32");
    const family = unreserved.plus(gf).plus(father).plus(uncle).plus(child);
    expect(family.allocatableTo("*").equals(unreserved)).toBe(true);
    expect(family.allocatableTo("a").equals(gf.plus(unreserved))).toBe(true);
    expect(family.allocatableTo("a/bx").equals(gf.plus(father).plus(unreserved))).toBe(true);
    expect(family.allocatableTo("a/bx/c").equals(gf.plus(father).plus(child).plus(unreserved))).toBe(true);
    expect(family.reservedToRoleSubtree("a/bx").equals(father.plus(child))).toBe(true);
  });
  it("Get, Names, Types", () => {
    const cpus = P("cpus(role1):2;cpus:4"), mem = P("mem(role1):10;mem:10");
    expect(cpus.plus(mem).get("cpus").equals(cpus)).toBe(true);
    expect([...P("cpus(role1):2;cpus:4;mem(role1):10;mem:10").names()].sort()).toEqual(["cpus", "mem"]);
    expect(Object.fromEntries(P("cpus(role1):2;cpus:4;ports:[1-10];ports:[11-20]").types())).toEqual({ cpus: "SCALAR", ports: "RANGES" });
  });
  it("FlattenRoles, toUnreserved", () => {
    const r = P("cpus(role1):1;cpus(role2):2;mem(role1):5");
    expect(r.flatten().equals(P("cpus:3;mem:5"))).toBe(true);
    expect(r.toUnreserved().equals(P("cpus:3;mem:5"))).toBe(true);
    expect(() => P("cpus:1").flatten("*", { principal: "p" })).toThrow(ResourceError);
    expect(() => P("cpus:1").flatten("-role")).toThrow(ResourceError);
  });
  it("scalars(), scalarQuantities() and createStrippedScalarQuantity()", () => {
    const r = P("cpus(r1):2;cpus:1;mem:10;ports:[1-5];zones:{a}");
    expect(r.scalars().equals(P("cpus(r1):2;cpus:1;mem:10"))).toBe(true);
    expect(r.scalarQuantities().toString()).toBe("cpus:3;mem:10");
    expect(r.createStrippedScalarQuantity().equals(P("cpus:3;mem:10"))).toBe(true);
    expect(P("ports:[10000-20000, 30000-50000]").createStrippedScalarQuantity().isEmpty()).toBe(true);
  });
});

describe("dynamic and refined reservations (ReservedResourcesTest)", () => {
  it("different principals, labels and roles are different resources (Equals)", () => {
    const unique = [
      P("cpus:8"), P("cpus(role1):8"), P("cpus(role2):8"),
      dynamic("cpus:8", "role1", "principal1"), dynamic("cpus:8", "role1", "principal2"),
      dynamic("cpus:8", "role2", "principal1"), dynamic("cpus:8", "role2", "principal2"),
      dynamic("cpus:8", "role1", "principal2", [{ key: "foo", value: "bar" }]),
      dynamic("cpus:8", "role1", "principal2", [{ key: "foo", value: "baz" }]),
    ];
    for (let i = 0; i < unique.length; i++) for (let j = 0; j < unique.length; j++) {
      if (i !== j) expect(unique[i]!.equals(unique[j]!), `${i} vs ${j}`).toBe(false);
    }
  });
  it("equal reservations merge (AdditionStaticallyReserved, AdditionDynamicallyReserved*)", () => {
    expect(P("cpus(role):8").plus(P("cpus(role):4")).equals(P("cpus(role):12"))).toBe(true);
    const l = [{ key: "foo", value: "bar" }];
    expect(dynamic("cpus:8", "role", "p", l).plus(dynamic("cpus:4", "role", "p", l)).equals(dynamic("cpus:12", "role", "p", l))).toBe(true);
    expect(dynamic("cpus:8", "role", "p", l).plus(dynamic("cpus:4", "role", "p")).size()).toBe(2);
  });
  it("refined reservation stacks: push, pop, and validation of refinements", () => {
    const base = dynamic("cpus:4;mem:16", "a", "p");
    const refined = base.pushReservation({ type: "DYNAMIC", role: "a/b", principal: "p2" });
    expect(refined.reserved("a/b").equals(refined)).toBe(true);
    expect(refined.reserved("a").isEmpty()).toBe(true);
    expect(refined.reservedToRoleSubtree("a").equals(refined)).toBe(true);
    expect(refined.equals(base)).toBe(false);
    expect(refined.popReservation().equals(base)).toBe(true);
    expect(refined.toUnreserved().equals(P("cpus:4;mem:16"))).toBe(true);
    expect(() => base.pushReservation({ type: "DYNAMIC", role: "b" })).toThrow(ResourceError);
    expect(() => Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 1,
      reservations: [{ type: "STATIC", role: "a" }, { type: "STATIC", role: "a/b" }] } as unknown as Resource])).toThrow(/refined reservation cannot be STATIC/);
    expect(() => Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 1,
      reservations: [{ type: "STATIC", role: "a" }, { type: "DYNAMIC", role: "b" }] } as unknown as Resource])).toThrow(/not a refinement/);
    const text = refined.toString();
    expect(P(text).equals(refined)).toBe(true);
  });
});

describe("resource providers (ResourceProviderIDTest)", () => {
  const withProvider = (r: Resource): Resource => ({ ...r, providerId: "RESOURCE_PROVIDER_ID" } as unknown as Resource);
  const cpus = withProvider({ name: "cpus", type: "SCALAR", scalar: 4 } as Resource);
  const disk1 = disk(1, "*");
  const disk2 = withProvider(disk1);
  it("Addition", () => {
    const r1 = R(cpus, disk2);
    expect(r1.size()).toBe(2);
    expect(r1.contains(R(disk1))).toBe(false);
    const r2 = R(disk2, disk2);
    expect(r2.size()).toBe(1);
    expect(r2.scalar("disk")).toBe(2000);
    expect(R(disk1, disk2).size()).toBe(2);
  });
  it("Subtraction and Contains", () => {
    expect(R(cpus).minus(R(cpus)).isEmpty()).toBe(true);
    expect(R(cpus, disk1).minus(R(disk1)).equals(R(cpus))).toBe(true);
    expect(R(cpus, disk2).minus(R(cpus)).equals(R(disk2))).toBe(true);
    expect(R(disk2, disk2).minus(R(disk2)).equals(R(disk2))).toBe(true);
    expect(R(disk1).contains(R(disk2))).toBe(false);
    expect(R(disk2).contains(R(disk1))).toBe(false);
  });
});

describe("disks and persistent volumes (DiskResourcesTest)", () => {
  it("Subtraction: volume info is not identity, persistence ids are", () => {
    const r1 = R(disk(10, "role", undefined, "path")), r2 = R(disk(10, "role"));
    expect(r1.minus(r1).isEmpty()).toBe(true);
    expect(r1.minus(r2).isEmpty()).toBe(false);
    const r3 = R(disk(10, "role", "1", "path")), r4 = R(disk(10, "role", "2", "path")), r5 = R(disk(10, "role", "2", "path2"));
    expect(r3.minus(r4).equals(r3)).toBe(true);
    expect(r3.minus(r3).isEmpty()).toBe(true);
    expect(r4.minus(r5).isEmpty()).toBe(true);
  });
  it("DiskSourceSubtraction: PATH disks subtract by amount, MOUNT disks only whole", () => {
    const s1 = pathSource("mnt"), s2 = pathSource("mnt2"), s3 = mountSource("mnt"), s4 = mountSource("mnt2");
    const r1 = R(disk(10, "role", undefined, undefined, s1)), r3 = R(disk(10, "role", undefined, undefined, s2));
    const r4 = R(disk(20, "role", undefined, undefined, s1));
    expect(r4.minus(r1).minus(r1).isEmpty()).toBe(true);
    expect(r3.minus(r1).equals(r3)).toBe(true);
    expect(r4.minus(r1).equals(r1)).toBe(true);
    const r5 = R(disk(10, "role", undefined, undefined, s3)), r7 = R(disk(10, "role", undefined, undefined, s4));
    const r8 = R(disk(20, "role", undefined, undefined, s3));
    expect(r5.minus(r5).isEmpty()).toBe(true);
    expect(r8.minus(r5).minus(r5).isEmpty()).toBe(false);
    expect(r7.minus(r5).equals(r7)).toBe(true);
    expect(r8.minus(r5).equals(r8)).toBe(true);
    expect(r5.minus(r1).isEmpty()).toBe(false);
  });
  it("Contains and SourceContains", () => {
    const r1 = R(disk(10, "role", "1", "path")), r2 = R(disk(10, "role", "1", "path"));
    expect(r1.contains(r1.plus(r2))).toBe(false);
    expect(r1.plus(r2).contains(r1.plus(r2))).toBe(true);
    const r3 = R(disk(20, "role", "2", "path"));
    expect(r1.plus(r3).contains(r1)).toBe(true);
    expect(r1.plus(r3).contains(r3)).toBe(true);
    const s1 = pathSource("mnt"), s2 = mountSource("mnt");
    const v2 = R(disk(20, "role", "1", "path", s1)), v1 = R(disk(10, "role", "1", "path", s1));
    expect(v2.contains(v1)).toBe(false);
    const m4 = R(disk(20, "role", "1", "path", s2)), m3 = R(disk(10, "role", "1", "path", s2));
    expect(m4.contains(m3)).toBe(false);
    expect(m4.contains(m4)).toBe(true);
    const p5 = R(disk(10, "role", undefined, undefined, s1)), p6 = R(disk(20, "role", undefined, undefined, s1));
    expect(p6.contains(p5.plus(p5))).toBe(true);
    const m7 = R(disk(10, "role", undefined, undefined, s2)), m8 = R(disk(20, "role", undefined, undefined, s2));
    expect(m8.contains(m7)).toBe(false);
    expect(m8.contains(m7.plus(m7))).toBe(false);
  });
  it("FilterPersistentVolumes", () => {
    const r1 = R(disk(10, "role1", "1", "path")), r2 = R(disk(20, "role2"));
    expect(P("cpus:1;mem:512;disk:1000").plus(r1).plus(r2).persistentVolumes().equals(r1)).toBe(true);
  });
  it("rejects disk info on a non-disk resource and shared non-volumes", () => {
    expect(() => R({ name: "cpus", type: "SCALAR", scalar: 1, disk: {} } as unknown as Resource)).toThrow(ResourceError);
    expect(() => R({ ...disk(1, "*"), shared: {} } as unknown as Resource)).toThrow(/only persistent volumes can be shared/);
  });
});

describe("shared resources (SharedResourcesTest)", () => {
  const shared = disk(50, "role1", "1", "path", undefined, true);
  it("ScalarAdditionShared: identical shared volumes add up their count", () => {
    const r1 = P("cpus:1;mem:5").plus(R(shared));
    const r2 = P("cpus:2;mem:10").plus(R(shared));
    const sum = r1.plus(r2);
    expect(sum.size()).toBe(3);
    expect([sum.scalar("cpus"), sum.scalar("mem")]).toEqual([3000, 15000]);
    expect(sum.toProto().filter((r) => r.shared)).toHaveLength(2);
    expect(sum.scalar("disk")).toBe(50000); // a shared volume counts once, whatever its count
    expect(r1.clone().add(r2).equals(sum)).toBe(true);
  });
  it("ScalarSubtractionShared: copies are removed one by one", () => {
    const disk8 = R(disk(8192, "role1", "1", "path", undefined, true));
    const r1 = P("cpus:40;mem:4096").plus(disk8).plus(disk8);
    const r2 = P("cpus:5;mem:512").plus(disk8);
    const diff = r1.minus(r2);
    expect(diff.size()).toBe(3);
    expect(diff.contains(disk8)).toBe(true);
    expect(r1.minus(r2).minus(r2).contains(disk8)).toBe(false);
    expect(r2.minus(r1).contains(disk8)).toBe(false);
  });
  it("ScalarSharedCompoundExpressions", () => {
    const d = R(shared);
    const r1 = P("cpus:2;mem:10").plus(d).plus(d).plus(d).plus(d);
    const r2 = P("cpus:2;mem:10").plus(d).plus(d).plus(d);
    expect(r1.plus(r1).minus(r1).equals(r1)).toBe(true);
    expect(r1.plus(r2).minus(r1).equals(r2)).toBe(true);
    expect(r2.minus(r1).plus(r1).equals(r1)).toBe(true);
    expect(r1.minus(r2).plus(r2).equals(r1)).toBe(true);
    expect(r2.minus(r1).isEmpty()).toBe(true);
    expect(r1.minus(r2).isEmpty()).toBe(false);
  });
  it("ScalarNonEqualSharedOperations and ScalarSharedAndNonSharedOperations", () => {
    const d1 = R(disk(50, "role1", "1", "path1", undefined, true)), d2 = R(disk(100, "role1", "2", "path2", undefined, true));
    expect(d1.plus(d2).minus(d1).equals(d2)).toBe(true);
    expect(d1.minus(d2).equals(d1)).toBe(true);
    const sharedDisk = R(disk(100, "role1", "1", "path", undefined, true)), nonShared = R(disk(100, "role1", "1", "path"));
    expect(P("cpus:1;mem:5").plus(sharedDisk).contains(P("cpus:1;mem:5").plus(nonShared))).toBe(false);
    const r3 = sharedDisk.plus(sharedDisk).plus(nonShared);
    expect(r3.size()).toBe(2);
    expect(r3.scalar("disk")).toBe(200000);
    expect(nonShared.minus(sharedDisk).equals(nonShared)).toBe(true);
  });
  it("Filter", () => {
    const r1 = R(disk(10, "role1", "1", "path", undefined, true)), r2 = R(disk(20, "role2"));
    const res = P("cpus:1;mem:512;disk:1000");
    const sum = res.plus(r1).plus(r2);
    expect(sum.shared().equals(r1)).toBe(true);
    expect(sum.nonShared().equals(res.plus(r2))).toBe(true);
  });
  it("prints in Mesos' debug form with the count (SharedResourcesTest.Printing)", () => {
    const v = R(disk(64, "role1", "id1", "path1", undefined, true));
    expect(v.plus(v).toDebugString()).toBe("disk(reservations: [(STATIC,role1)])[id1:path1]<SHARED>:64<2>");
    // ResourcesTest.PrintingExtendedAttributes: host path and mode, revocable after disk.
    const hdfs = { name: "disk", type: "SCALAR", scalar: 1, reservations: [{ type: "STATIC", role: "alice" }], revocable: {},
      disk: { persistence: { id: "hadoop" }, volume: { mode: "RW", containerPath: "/data", hostPath: "/hdfs" } } } as unknown as Resource;
    expect(R(hdfs).toDebugString()).toBe("disk(reservations: [(STATIC,alice)])[hadoop:/hdfs:/data:rw]{REV}:1");
  });
});

describe("revocable resources (RevocableResourceTest)", () => {
  const rev = (v: number) => R({ name: "cpus", type: "SCALAR", scalar: v, revocable: {} } as unknown as Resource);
  it("Equals, Addition, Subtraction, Contains, Filter", () => {
    expect(rev(1).equals(rev(1))).toBe(true);
    expect(rev(1).equals(P("cpus:1"))).toBe(false);
    expect(rev(1).plus(rev(1)).equals(rev(2))).toBe(true);
    const sum = rev(1).plus(P("cpus:1"));
    expect(sum.contains(rev(1)) && sum.contains(P("cpus:1"))).toBe(true);
    expect(sum.contains(rev(2)) || sum.contains(P("cpus:2"))).toBe(false);
    expect(rev(1).minus(rev(1)).isEmpty()).toBe(true);
    expect(rev(1).minus(P("cpus:1")).equals(rev(1))).toBe(true);
    expect(rev(1).contains(rev(1).plus(rev(1)))).toBe(false);
    expect(sum.revocable().equals(rev(1))).toBe(true);
    expect(sum.nonRevocable().equals(P("cpus:1"))).toBe(true);
  });
});

describe("allocation info (AllocatedResourcesTest)", () => {
  const c1 = P("cpus:1").allocate("role1"), c2 = P("cpus:1").allocate("role2");
  it("Equality, Contains, Addition, Subtraction", () => {
    expect(c1.equals(c1)).toBe(true);
    expect(c1.equals(c2)).toBe(false);
    expect(c1.plus(c2).contains(c1) && c1.plus(c2).contains(c2)).toBe(true);
    expect(c1.plus(c2).size()).toBe(2);
    expect(c1.plus(c2).scalar("cpus")).toBe(2000);
    expect(c1.minus(c1).isEmpty()).toBe(true);
    expect(c1.minus(c2).equals(c1)).toBe(true);
  });
  it("Allocations groups by allocation role; unallocate removes it", () => {
    const cpus1 = P("cpus:1").allocate("*"), mem1 = P("mem:1024").allocate("*");
    const cpus2 = P("cpus:2").allocate("role1"), mem2 = P("mem:2048").allocate("role1");
    const cpus3 = P("cpus(role2):3").allocate("role2"), mem3 = P("mem(role2):3096").allocate("role2");
    const all = cpus1.plus(cpus2).plus(cpus3).plus(mem1).plus(mem2).plus(mem3);
    const a = all.allocations();
    expect(a.size).toBe(3);
    expect(a.get("*")!.equals(cpus1.plus(mem1))).toBe(true);
    expect(a.get("role1")!.equals(cpus2.plus(mem2))).toBe(true);
    expect(a.get("role2")!.equals(cpus3.plus(mem3))).toBe(true);
    expect([...cpus1.unallocate()][0]!.allocationInfo).toBeUndefined();
    expect(all.allocatedToRoleSubtree("role1").equals(cpus2.plus(mem2))).toBe(true);
    expect(() => P("cpus:1").allocations()).toThrow(ResourceError);
  });
  it("round-trips through text (as JSON) and proto", () => {
    expect(P(c1.toString()).equals(c1)).toBe(true);
    expect(Resources.fromProto(c1.toProto()).equals(c1)).toBe(true);
  });
});

describe("containsQuantities (Resources::contains(ResourceQuantities))", () => {
  it("adds up across reservations and counts range and set values", () => {
    const r = P("cpus(r1):1;cpus:1.5;ports:[1-10];zones:{a,b}");
    const q = (s: string) => r.containsQuantities(Resources.parse(s).scalarQuantities());
    expect(q("cpus:2.5")).toBe(true);
    expect(q("cpus:2.501")).toBe(false);
    expect(q("ports:10")).toBe(true);
    expect(q("ports:11")).toBe(false);
    expect(q("zones:2")).toBe(true);
    expect(q("gpus:1")).toBe(false);
  });
});

describe("JSON and proto forms", () => {
  it("toJSON gives Mesos' JSON objects, bounds above 2^53 as exact decimal strings", () => {
    const r = P("cpus(r1):2.5;ports:[1-3,9007199254740993-9007199254740995];zones:{b,a}");
    expect(r.toJSON()).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 2.5 }, reservations: [{ type: "STATIC", role: "r1" }] },
      { name: "ports", type: "RANGES", ranges: { range: [{ begin: 1, end: 3 }, { begin: "9007199254740993", end: "9007199254740995" }] } },
      { name: "zones", type: "SET", set: { item: ["a", "b"] } },
    ]);
    expect(r.toJSONText()).toContain('{"begin":9007199254740993,"end":9007199254740995}');
    expect(P(r.toJSONText()).equals(r)).toBe(true);
  });
  it("toProto gives the codec's Resource objects with exact bigint bounds", () => {
    const [ports] = P("ports:[9007199254740993-9007199254740995]").toProto();
    expect(ports).toEqual({ name: "ports", type: "RANGES", ranges: [{ begin: 9007199254740993n, end: 9007199254740995n }] });
  });
  it("fromProto upgrades the pre-refinement role/reservation fields", () => {
    const r = Resources.fromProto([{ name: "cpus", type: "SCALAR", scalar: 1, role: "r1", reservation: { principal: "p" } } as unknown as Resource]);
    expect(r.equals(P("cpus:1").flatten("r1", { principal: "p" }))).toBe(true);
    expect(Resources.isDynamicallyReserved([...r][0]!)).toBe(true);
  });
});

describe("predicates on Resource objects (Resources::isReserved & co.)", () => {
  it("classify reservations, revocable and shared resources", () => {
    const [unres] = P("cpus:1").toProto();
    const [stat] = P("cpus(a/b):1").toProto();
    const [refined] = P("cpus:1").flatten("a", { principal: "p" }).pushReservation({ type: "DYNAMIC", role: "a/b" }).toProto();
    expect([Resources.isUnreserved(unres!), Resources.isUnreserved(stat!)]).toEqual([true, false]);
    expect([Resources.isReserved(stat!, "a/b"), Resources.isReserved(stat!, "a"), Resources.isReserved(unres!)]).toEqual([true, false, false]);
    expect([Resources.isReservedToRoleSubtree(stat!, "a"), Resources.isReservedToRoleSubtree(stat!, "a/b/c")]).toEqual([true, false]);
    expect([Resources.isAllocatableTo(stat!, "a/b/c"), Resources.isAllocatableTo(stat!, "a"), Resources.isAllocatableTo(unres!, "x")]).toEqual([true, false, true]);
    expect([Resources.hasRefinedReservations(refined!), Resources.isDynamicallyReserved(refined!), Resources.isDynamicallyReserved(stat!)]).toEqual([true, true, false]);
    expect(Resources.reservationRole(refined!)).toBe("a/b");
    const rev = { name: "cpus", type: "SCALAR", scalar: 1, revocable: {} } as unknown as Resource;
    expect([Resources.isRevocable(rev), Resources.isShared(rev), Resources.isPersistentVolume(rev)]).toEqual([true, false, false]);
  });
});

describe("large inputs", () => {
  it("parses Mesos' Parse benchmark input (100 resources) and a 20,000-name text, and finds a type clash among many names", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `res${i}:${i}`).join(";");
    expect(P(hundred).size()).toBe(99); // res0:0 is a zero scalar
    const many = Array.from({ length: 20000 }, (_, i) => `r${i}:1`).join(";");
    expect(P(many).size()).toBe(20000);
    expect(() => P(many + ";r19999:[1-2]")).toThrow(/same name \('r19999'\) but different types/);
  });
});

describe("freeze", () => {
  it("stops in-place changes with a ResourceError, leaves the bag as it was, and keeps every pure operation", () => {
    const r = Resources.parse("cpus:2;mem:1024;ports:[1-10]").freeze();
    expect(r.isFrozen()).toBe(true);
    expect(() => r.add(Resources.parse("cpus:1"))).toThrow(ResourceError);
    expect(() => r.subtract(Resources.parse("cpus:1"))).toThrow(/cannot subtract in place: this Resources is frozen/);
    expect(() => r.add(r)).toThrow(ResourceError);
    expect(r.toString()).toBe("cpus:2;mem:1024;ports:[1-10]");
    // Pure operations return new bags that are not frozen.
    const more = r.plus(Resources.parse("cpus:1"));
    expect(more.toString()).toBe("cpus:3;mem:1024;ports:[1-10]");
    expect(more.isFrozen()).toBe(false);
    expect(r.minus(Resources.parse("ports:[1-5]")).toString()).toBe("cpus:2;mem:1024;ports:[6-10]");
    const copy = r.clone();
    expect(copy.isFrozen()).toBe(false);
    copy.add(Resources.parse("cpus:1"));
    expect(copy.toString()).toBe("cpus:3;mem:1024;ports:[1-10]");
    expect(r.toString()).toBe("cpus:2;mem:1024;ports:[1-10]");
    expect(Resources.parse("cpus:1").isFrozen()).toBe(false);
  });
});

describe("derived slots", () => {
  it("only a frozen bag keeps values in its slots", () => {
    const r = Resources.parse("cpus:1");
    expect(r.derivedSet(3, "x")).toBe(false);
    expect(r.derivedGet(3)).toBeUndefined();
    r.freeze();
    expect(r.derivedSet(3, "x")).toBe(true);
    expect(r.derivedGet(3)).toBe("x");
    expect(r.derivedGet(0)).toBeUndefined();
    // A copy is not frozen and keeps nothing.
    expect(r.clone().derivedGet(3)).toBeUndefined();
  });
});

describe("shrinkScalars (Mesos shrinkResources, Resources::shrink)", () => {
  const budget = (m: Record<string, number>) => (name: string) => m[name];
  it("cuts a plain scalar down to what is left of its name's budget, spent across entries of that name", () => {
    const r = P("cpus:4;mem:1024;cpus(eng):2");
    const out = r.shrinkScalars(budget({ cpus: 5000 }), false);
    // 4 cpus fit, then 1 of the 2 reserved; mem has no budget and is kept whole.
    expect(out.scalar("cpus")).toBe(5000);
    expect(out.reserved("eng").equals(P("cpus(eng):1"))).toBe(true);
    expect(out.scalar("mem")).toBe(1024000);
    expect(r.equals(P("cpus:4;mem:1024;cpus(eng):2"))).toBe(true);
  });
  it("with absentMeansZero, drops names without a budget and names whose budget is spent or zero", () => {
    const r = P("cpus:4;mem:1024;disk:10;ports:[1-10]");
    expect(r.shrinkScalars(budget({ cpus: 1500, disk: 0 }), true).equals(P("cpus:1.5"))).toBe(true);
    // Ranges and sets are not shrinkable: a budget for their name drops them.
    expect(r.shrinkScalars(budget({ ports: 5000 }), false).equals(P("cpus:4;mem:1024;disk:10"))).toBe(true);
  });
  it("returns the bag itself when everything fits, and an independent bag otherwise", () => {
    const r = P("cpus:2;mem:512");
    expect(r.shrinkScalars(budget({ cpus: 2000, mem: 1e9 }), true)).toBe(r);
    expect(r.shrinkScalars(budget({}), false)).toBe(r);
    const cut = r.shrinkScalars(budget({ cpus: 1000 }), false);
    cut.add(P("cpus:7"));
    expect(r.equals(P("cpus:2;mem:512"))).toBe(true);
  });
  it("keeps an indivisible disk whole or drops it, as Mesos' containment check decides (MOUNT source, persistent volume, shared volume)", () => {
    const cases: Array<[string, Resource, boolean]> = [
      ["plain disk", disk(100, "*"), true],
      ["PATH disk", disk(100, "*", undefined, undefined, pathSource("p")), true],
      ["MOUNT disk", disk(100, "*", undefined, undefined, mountSource("m")), false],
      ["persistent volume", disk(100, "role1", "id1", "path"), false],
      ["shared volume", disk(100, "role1", "id2", "path", undefined, true), false],
    ];
    for (const [what, d, divisible] of cases) {
      const whole = R(d);
      const smaller = R({ ...d, scalar: 40 } as unknown as Resource);
      // The oracle: Mesos cuts a resource down only when it contains the smaller copy.
      expect(whole.contains(smaller), what).toBe(divisible);
      const out = whole.shrinkScalars(budget({ disk: 40000 }), false);
      expect(out.equals(divisible ? smaller : Resources.empty()), what).toBe(true);
      // Within budget, it is kept whole either way.
      expect(whole.shrinkScalars(budget({ disk: 100000 }), false).equals(whole), what).toBe(true);
    }
  });
  it("counts each copy of a shared volume against the budget and keeps the copies that fit", () => {
    const shared = disk(50, "role1", "v", "path", undefined, true);
    const three = R(shared, shared, shared);
    expect(three.shrinkScalars(budget({ disk: 120000 }), false).equals(R(shared, shared))).toBe(true);
    expect(three.shrinkScalars(budget({ disk: 49000 }), false).isEmpty()).toBe(true);
  });
});
