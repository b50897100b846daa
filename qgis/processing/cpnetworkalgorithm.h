#pragma once
// What every network algorithm shares: the road parameters, reading roads and
// places from any layer, building the network, and progress and cancel between
// QGIS's feedback and the engine's.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesink.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingfeedback.h>

#include "geo/feedback.h"
#include "geo/network.h"
#include "layers/diagnostics.h"
#include "layers/field_names.h"
#include "layers/library_messages.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"
#include "layers/road_reader.h"
#include "layers/snapped_places.h"
#include "qgis/cplayersnapshot.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

class CpNetworkAlgorithm : public QgsProcessingAlgorithm {
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
  void addPlacesParameter(const QString& name, const QString& idName, const QString& description);
  void addMetricAndSnapParameters();
  void addSnapParameter(double defaultMetres);  // MAX_SNAP
  void addCo2Parameter();                       // CO2_PER_TKM, kg CO2e per tonne-km

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
  // every feature, or an error when that is not given.
  std::vector<double> readTonnes(const QVariantMap& parameters, QgsProcessingContext& context,
                                 const QString& layer, const QString& fieldParameter,
                                 const cp::layers::field_names::Names& usual,
                                 cp::layers::Diagnostics& diagnostics,
                                 std::optional<double> withoutField = std::nullopt);
  cp::geo::SnapOptions snapOptions(const QVariantMap& parameters,
                                   QgsProcessingContext& context) const;
  cp::geo::Metric metric(const QVariantMap& parameters, QgsProcessingContext& context) const;
  double maxSnap(const QVariantMap& parameters, QgsProcessingContext& context) const;
  // A feature sink in the project's CRS (the roads' CRS without a project).
  struct SinkOutput {
    std::unique_ptr<QgsFeatureSink> sink;
    QString name;
    QString destination;
    QgsCoordinateTransform fromWorking;
    QgsFields fields;
  };
  SinkOutput createLineOutput(const QVariantMap& parameters, QgsProcessingContext& context,
                              const QgsFields& fields, const cp::layers::WorkingFrame& frame,
                              const QString& name = QStringLiteral("OUTPUT"));
  // A sink of any geometry type; null when the (optional) output was not asked for.
  SinkOutput createOutput(const QVariantMap& parameters, QgsProcessingContext& context,
                          const QgsFields& fields, const cp::layers::WorkingFrame& frame,
                          const QString& name, cp::qgis::WkbType type);
  // A point sink; the sink is null when the (optional) output was not asked for.
  SinkOutput createPointOutput(const QVariantMap& parameters, QgsProcessingContext& context,
                               const QgsFields& fields, const cp::layers::WorkingFrame& frame,
                               const QString& name);
  // Writes one point (working CRS); without geometry when it has no coordinates.
  void addPoint(SinkOutput& output, const QVariantMap& parameters, const QgsAttributes& attributes,
                const cp::geo::XY& xy);
  // Writes one feature along `points` (working CRS); without geometry when
  // there are fewer than two points or any lacks coordinates.
  void addPolyline(SinkOutput& output, const QVariantMap& parameters,
                   const QgsAttributes& attributes, const std::vector<cp::geo::XY>& points);
  void addLine(SinkOutput& output, const QVariantMap& parameters, const QgsAttributes& attributes,
               const cp::geo::XY& a, const cp::geo::XY& b) {
    addPolyline(output, parameters, attributes, {a, b});
  }

  // Writes an analysis's result table to the output `name`, styled with
  // `style`; its destination, or "" when an optional output was not asked for.
  // A required output that cannot be made is an error.
  enum class Output { Required, Optional };
  QString writeTable(const QVariantMap& parameters, QgsProcessingContext& context,
                     const cp::layers::WorkingFrame& frame, const cp::layers::ResultTable& table,
                     const QString& name, Output output,
                     cp::qgis::ResultStyler::Style style = nullptr);

  // Adds an optional output's destination to `results` when it was written.
  static void insertIfWritten(QVariantMap& results, const QString& name,
                              const QString& destination) {
    if (!destination.isEmpty())
      results.insert(name, destination);
  }

  // PLACES, optional: every place, whether it joined the network, how far away.
  void addPlacesOutput();
  struct PlaceSet {
    QString role;
    const cp::layers::PointData& places;
    const cp::layers::SnappedPlaces& snapped;
  };
  // Writes PLACES when asked for, and adds it to `results`.
  void writePlaces(const QVariantMap& parameters, QgsProcessingContext& context,
                   const cp::layers::WorkingFrame& frame, const std::vector<PlaceSet>& sets,
                   QVariantMap& results);

  // Takes every layer the parameters give, on the thread that prepares the
  // run (the main thread for a background run): the run reads only these.
  bool prepareAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                        QgsProcessingFeedback* feedback) override;
  struct Input {
    std::shared_ptr<CpLayerSnapshot> snapshot;  // its sourceName() is the layer's name
    QString label;                              // as messages name it (cpLayerLabel)
    long long featureLimit = -1;
    QString filter;
    std::optional<cp::qgis::InvalidGeometryCheck> geometryCheck;
  };
  // The layers a source or multiple-layer parameter gave (none when empty).
  const std::vector<Input>& inputs(const QString& name) const;
  // The layer a source parameter gave, as messages name it.
  QString inputLabel(const QString& name) const;

  std::unique_ptr<QgsProcessingFeatureSource> requireSource(const QVariantMap& parameters,
                                                            const QString& name,
                                                            QgsProcessingContext& context) const;
  // nullptr when the parameter is empty; an error when it names a layer that cannot be read.
  std::unique_ptr<QgsProcessingFeatureSource> optionalSource(const QVariantMap& parameters,
                                                             const QString& name,
                                                             QgsProcessingContext& context) const;

  // Runs `work` with an engine Feedback tied to QGIS's; engine and input errors
  // become QgsProcessingException, cancel gives an empty result.
  template <typename Work>
  QVariantMap guarded(QgsProcessingFeedback* feedback, Work work);

 private:
  QgsCoordinateReferenceSystem outputCrs(const QVariantMap& parameters,
                                         QgsProcessingContext& context,
                                         const cp::layers::WorkingFrame& frame) const;
  PreparedRoads loadSavedNetwork(const QVariantMap& parameters, QgsProcessingContext& context,
                                 QgsProcessingFeedback* feedback);
  Input takeSource(const QVariantMap& parameters, const QString& name,
                   QgsProcessingContext& context) const;

  std::map<QString, std::vector<Input>> mInputs;
  QgsCoordinateReferenceSystem mProjectCrs;
  std::string roadField(const QVariantMap& parameters, const QString& name,
                        QgsProcessingContext& context, const QgsFeatureSource& roads,
                        const cp::layers::field_names::Names& usual) const;
};

void cpReportDiagnostics(const cp::layers::Diagnostics& diagnostics,
                         QgsProcessingFeedback* feedback);
QVariant cpNumber(double value);  // NULL for infinite or NaN
// The user's layer given for a parameter, as messages name it: its name and
// source (passwords masked), and the role it plays, e.g. "organic_sources
// (/data/almaty.gpkg|layername=organic_sources) as Sources".
QString cpLayerLabel(const QgsProcessingAlgorithm& algorithm, const QVariantMap& parameters,
                     const QString& name, QgsProcessingContext& context);
// Every layer of a multiple-layer parameter; one that cannot be read, or a file
// of several layers with none named, is an error naming it (QGIS itself would
// leave it out, or take the first layer, without a word).
QList<QgsMapLayer*> cpLayerList(const QgsProcessingAlgorithm& algorithm,
                                const QVariantMap& parameters, const QString& name,
                                QgsProcessingContext& context);
QgsFields cpFields(std::initializer_list<std::pair<const char*, QMetaType::Type>> fields);

template <typename Work>
QVariantMap CpNetworkAlgorithm::guarded(QgsProcessingFeedback* feedback, Work work) {
  cp::geo::Feedback progress([feedback](double percent) { feedback->setProgress(percent); });
  struct Link {  // QGIS's cancel reaches the engine while the work runs
    QMetaObject::Connection connection;
    ~Link() { QObject::disconnect(connection); }
  } link{QObject::connect(
      feedback, &QgsFeedback::canceled, feedback, [&progress] { progress.cancel(); },
      Qt::DirectConnection)};
  struct Said {  // what GDAL and PROJ would print, in the run's log instead
    cp::layers::LibraryMessages caught;
    QgsProcessingFeedback* feedback;
    ~Said() {
      for (const std::string& m : caught.take())
        feedback->pushWarning(QObject::tr("While running: %1").arg(QString::fromStdString(m)));
    }
  } said{{}, feedback};
  try {
    return work(&progress);
  } catch (const cp::layers::InputError& e) {
    throw QgsProcessingException(QString::fromStdString(e.what()));
  } catch (const cp::layers::OptionError& e) {
    throw QgsProcessingException(QString::fromStdString(e.what()));
  } catch (const cp::geo::Canceled&) {
    return {};
  } catch (const QgsProcessingException&) {
    throw;
  } catch (const std::exception& e) {
    // Anything else the engine or GDAL throws ends the run with its message,
    // never inside Qt's event loop.
    throw QgsProcessingException(QObject::tr("Circular Planner failed: %1").arg(e.what()));
  }
}
