/**
 * The 28 GHNT regions as a tile-grid cartogram: one square per region in its rough place on the map of
 * the Netherlands (column from west to east, row from north to south). No external map service.
 */
export const REGION_TILES: Record<string, { col: number; row: number; short: string }> = {
  Groningen: { col: 5, row: 0, short: "GRO" },
  Friesland: { col: 3, row: 0, short: "FRL" },
  Drenthe: { col: 5, row: 1, short: "DRE" },
  "Kop van Noord-Holland": { col: 1, row: 0, short: "KNH" },
  "Alkmaar-West-Friesland": { col: 1, row: 1, short: "AWF" },
  "Zaanstreek-Waterland": { col: 2, row: 2, short: "ZW" },
  Flevoland: { col: 3, row: 2, short: "FLE" },
  IJsselland: { col: 4, row: 2, short: "IJS" },
  Twente: { col: 5, row: 2, short: "TWE" },
  Kennemerland: { col: 1, row: 2, short: "KEN" },
  "Amsterdam-Amstelland": { col: 2, row: 3, short: "AA" },
  "Gooi en Vechtstreek": { col: 3, row: 3, short: "GV" },
  "Noord- en Oost-Gelderland": { col: 4, row: 3, short: "NOG" },
  Haaglanden: { col: 0, row: 4, short: "HGL" },
  "Hollands-Midden": { col: 1, row: 4, short: "HM" },
  Utrecht: { col: 2, row: 4, short: "UTR" },
  "West-Veluwe Vallei": { col: 3, row: 4, short: "WVV" },
  "Arnhem-Achterhoek": { col: 4, row: 4, short: "AAH" },
  "Rotterdam-Rijnmond": { col: 0, row: 5, short: "RR" },
  "Zuid-Holland Zuid": { col: 1, row: 5, short: "ZHZ" },
  "Gelderland-Zuid": { col: 3, row: 5, short: "GZ" },
  Zeeland: { col: 0, row: 6, short: "ZEE" },
  "West-Brabant": { col: 1, row: 6, short: "WB" },
  "Hart van Brabant": { col: 2, row: 6, short: "HvB" },
  "Noord- en Oost-Brabant": { col: 3, row: 6, short: "NOB" },
  "Brabant Zuidoost": { col: 3, row: 7, short: "BZO" },
  "Noord- en Midden-Limburg": { col: 4, row: 7, short: "NML" },
  "Zuid-Limburg": { col: 4, row: 8, short: "ZL" },
};
