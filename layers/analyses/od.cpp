#include "od.h"

namespace cp::analyses {

OdResult analyseOd(const geo::Network& network, const layers::PointData& origins,
                   const layers::PointData& destinations, bool sameLayer, const OdOptions& options,
                   const geo::Feedback* feedback) {
  OdResult od;
  const geo::Snapper snapper(network, options.snap);
  od.origins = layers::snapPlaces(snapper, origins, od.diagnostics);
  od.destinations =
      sameLayer ? od.origins : layers::snapPlaces(snapper, destinations, od.diagnostics);
  od.pointsNotSnapped = od.origins.notJoined + (sameLayer ? 0 : od.destinations.notJoined);
  const geo::OdMatrix matrix = geo::odMatrix(network, od.origins.locations(),
                                             od.destinations.locations(), options.query, feedback);
  od.rows = geo::odRows(matrix, origins.lonLat, destinations.lonLat, options.fallback);
  return od;
}

const std::vector<layers::ResultField>& odFields() {
  using layers::FieldType;
  static const std::vector<layers::ResultField> fields{
      {"origin_id", FieldType::Text},
      {"destination_id", FieldType::Text},
      {"distance_m", FieldType::Real},
      {"time_s", FieldType::Real},
      {"method", FieldType::Text},
      {"origin_connector_m", FieldType::Real},
      {"destination_connector_m", FieldType::Real}};
  return fields;
}

layers::ResultTable odTable(const OdResult& result, const layers::PointData& origins,
                            const layers::PointData& destinations, bool lines) {
  using layers::finiteOrNull;
  layers::ResultTable table{
      "od_matrix",
      lines ? layers::ResultGeometry::LineString : layers::ResultGeometry::None,
      odFields(),
      {}};
  table.rows.reserve(result.rows.size());
  for (const geo::OdRow& row : result.rows)
    table.add({origins.ids[row.origin], destinations.ids[row.destination],
               finiteOrNull(row.cost.distanceM), finiteOrNull(row.cost.timeS),
               geo::toString(row.method), finiteOrNull(result.origins.snaps[row.origin].connectorM),
               finiteOrNull(result.destinations.snaps[row.destination].connectorM)},
              lines ? layers::lineAlong({result.origins.placed(origins, row.origin),
                                         result.destinations.placed(destinations, row.destination)})
                    : nullptr);
  return table;
}

}  // namespace cp::analyses
