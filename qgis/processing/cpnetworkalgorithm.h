#pragma once
// What every algorithm on the road network shares: the road parameters,
// reading roads and places from any layer, building or loading the network.

#include <optional>
#include <string>
#include <vector>

#include "cpalgorithm.h"
#include "geo/network.h"
#include "layers/analyses/allocation.h"
#include "layers/field_names.h"
#include "layers/point_reader.h"
#include "layers/road_reader.h"
#include "layers/snapped_places.h"

class CpNetworkAlgorithm : public CpAlgorithm {
 public:
  QString group() const override { return QStringLiteral("Transport distances"); }
  QString groupId() const override { return QStringLiteral("transport"); }

 protected:
  struct PreparedRoads {
    cp::layers::RoadData roads;
    cp::geo::Network network;
  };

  // ROADS, CLASS_FIELD, ONEWAY_FIELD, SPEED_FIELD, DRIVABLE_ONLY; with
  // SavedNetwork::Accepted also SAVED_NETWORK, a saved network used instead of the
  // roads (then ROADS may be left empty).
  enum class SavedNetwork { Accepted, Refused };
  void addRoadParameters(SavedNetwork saved = SavedNetwork::Accepted);
  // A point or polygon layer and its optional id field.
  void addPlacesParameter(const QString& name, const QString& idName, const QString& description,
                          bool optional = false);
  void addMetricAndSnapParameters();
  void addSnapParameter(double defaultMetres);  // MAX_SNAP
  // Transport emissions: CO2_PER_TKM (kg CO2e per tonne-km), or FACTORS (an
  // emission factor table) and TRUCK (its row); both optional.
  void addCo2Parameters();
  // The factor they give (see cp::analyses::transportFactor); none is noted.
  cp::analyses::TransportFactor transportFactor(const QVariantMap& parameters,
                                                QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) const;
  // The same with FACTORS already read (null: none given).
  cp::analyses::TransportFactor transportFactor(const QVariantMap& parameters,
                                                QgsProcessingContext& context,
                                                const cp::layers::FactorTable* factors,
                                                QgsProcessingFeedback* feedback) const;

  PreparedRoads prepareRoads(const QVariantMap& parameters, QgsProcessingContext& context,
                             QgsProcessingFeedback* feedback, const cp::geo::Feedback* progress);
  // The places a layer parameter gives; what the reading found is added to
  // `diagnostics`, the run's own, so that none is left unsaid.
  cp::layers::PointData readPlaces(const QVariantMap& parameters, const QString& name,
                                   const QString& idName, QgsProcessingContext& context,
                                   const cp::layers::WorkingFrame& frame,
                                   cp::layers::Diagnostics& diagnostics);
  // Places whose ids must be unique, since results are reported per site: a
  // repeated id is an error naming it.
  cp::layers::PointData readSites(const QVariantMap& parameters, const QString& name,
                                  const QString& idName, QgsProcessingContext& context,
                                  const cp::layers::WorkingFrame& frame,
                                  cp::layers::Diagnostics& diagnostics);
  // ORIGINS and a second layer of places (DESTINATIONS, FACILITIES, ...), with
  // the diagnostics of roads and both layers together.
  struct Places {
    cp::layers::PointData origins;
    cp::layers::PointData destinations;
    cp::layers::Diagnostics diagnostics;
  };
  Places readOriginsAnd(const QVariantMap& parameters, const QString& name, const QString& idName,
                        QgsProcessingContext& context, const PreparedRoads& roads);
  // Tonnes per feature of a layer, from the field the parameter names or the
  // first usual one the layer has. Without such a field: `withoutField` for
  // every feature, or an error when that is not given. `whenNull`: what a
  // NULL stands for where the field may be left empty (else it is an error).
  std::vector<double> readTonnes(const QVariantMap& parameters, QgsProcessingContext& context,
                                 const QString& layer, const QString& fieldParameter,
                                 const cp::layers::field_names::Names& usual,
                                 cp::layers::Diagnostics& diagnostics,
                                 std::optional<double> withoutField = std::nullopt,
                                 std::optional<double> whenNull = std::nullopt);
  cp::geo::SnapOptions snapOptions(const QVariantMap& parameters,
                                   QgsProcessingContext& context) const;
  cp::geo::Metric metric(const QVariantMap& parameters, QgsProcessingContext& context) const;
  double maxSnap(const QVariantMap& parameters, QgsProcessingContext& context) const;
  // PLACES, optional: every place, whether it joined the network, how far away.
  void addPlacesOutput();
  // Writes PLACES when asked for, and adds it to `results`.
  void writePlaces(const QVariantMap& parameters, QgsProcessingContext& context,
                   const cp::layers::WorkingFrame& frame,
                   const std::vector<cp::layers::PlaceSet>& sets, QVariantMap& results);

 protected:
  // The roads' CRS when no project gives one.
  QgsCoordinateReferenceSystem fallbackOutputCrs(
      const QVariantMap& parameters, QgsProcessingContext& context,
      const cp::layers::WorkingFrame& frame) const override;

 private:
  PreparedRoads loadSavedNetwork(const QVariantMap& parameters, QgsProcessingContext& context,
                                 QgsProcessingFeedback* feedback);
  std::string roadField(const QVariantMap& parameters, const QString& name,
                        QgsProcessingContext& context, const QgsFeatureSource& roads,
                        const cp::layers::field_names::Names& usual) const;
};
