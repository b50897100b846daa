#pragma once
// Runs circularplanner algorithms through QGIS's Processing framework, as the
// toolbox, the modeler and qgis_process run them, and keeps what they report.

#include <map>
#include <memory>

#include <qgsprocessingfeedback.h>
#include <qgsvectorlayer.h>

namespace cp::test {

// Collects what the algorithm reports, so that tests can read its messages.
class RecordingFeedback : public QgsProcessingFeedback {
 public:
  void reportError(const QString& error, bool fatal) override;
  void pushWarning(const QString& warning) override { warnings += warning + '\n'; }
  QString errors;
  QString warnings;
};

struct AlgorithmRun {
  bool ok = false;
  QVariantMap results;
  std::unique_ptr<QgsVectorLayer> output;                   // OUTPUT
  std::map<QString, std::unique_ptr<QgsVectorLayer>> more;  // other outputs asked for
  QString errors;
  QString warnings;
};

// OUTPUT always goes to a temporary layer; `extraOutputs` (e.g. PLACES) too.
AlgorithmRun runAlgorithm(const QString& id, QVariantMap parameters,
                          const QStringList& extraOutputs = {});

// The sum of a numeric field over a layer's features (those of `filter`, an expression).
double sum(QgsVectorLayer& layer, const QString& field, const QString& filter = QString());

// The fields a layer's style reads (to draw, size or label) that the layer
// does not have: none, for a style that shows what it says.
QStringList fieldsTheStyleLacks(const QgsVectorLayer& layer);

// A layer of the Almaty sample GeoPackage, as a Processing source string.
QString sample(const std::string& layer);

// A memory layer in the project (removed and deleted with the returned holder).
struct ProjectLayer {
  explicit ProjectLayer(QgsVectorLayer* layer);
  ~ProjectLayer();
  ProjectLayer(const ProjectLayer&) = delete;
  ProjectLayer& operator=(const ProjectLayer&) = delete;
  QString id() const { return layer->id(); }
  std::unique_ptr<QgsVectorLayer> layer;
};

// A copy of `source` in another CRS (memory layer with the same fields).
std::unique_ptr<QgsVectorLayer> reprojected(QgsVectorLayer& source, const QString& authid);

// "origin->destination" keys mapped to a numeric field.
std::map<QString, double> byPair(
    QgsVectorLayer& layer, const QString& field,
    const QString& destinationField = QStringLiteral("destination_id"));

}  // namespace cp::test
