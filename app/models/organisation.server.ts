import type { DB } from "../../db/client.ts";

export async function getRegion(db: DB, id: number) {
  return db.selectFrom("region").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listRegions(db: DB) {
  return db.selectFrom("region").selectAll().orderBy("name").execute();
}

export async function getMunicipality(db: DB, id: number) {
  return db
    .selectFrom("municipality")
    .innerJoin("region", "region.id", "municipality.region_id")
    .select(["municipality.id", "municipality.name", "municipality.cbs_code", "municipality.region_id", "region.name as region_name"])
    .where("municipality.id", "=", id)
    .executeTakeFirst();
}

export async function getTeam(db: DB, id: number) {
  return db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .innerJoin("region", "region.id", "municipality.region_id")
    .select([
      "team.id",
      "team.name",
      "team.kind",
      "team.active",
      "team.municipality_id",
      "municipality.name as municipality_name",
      "municipality.region_id",
      "region.name as region_name",
    ])
    .where("team.id", "=", id)
    .executeTakeFirst();
}

export { TEAM_KIND_LABEL } from "../domain/roles.ts";

export async function listMunicipalities(db: DB) {
  return db.selectFrom("municipality").select(["id", "name", "region_id"]).orderBy("name").execute();
}

export async function listActiveTeams(db: DB, municipalityId: number) {
  return db.selectFrom("team").select(["id", "name"]).where("municipality_id", "=", municipalityId).where("active", "=", 1).orderBy("name").execute();
}
