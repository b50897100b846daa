#include "processing_run.h"

#include <gtest/gtest.h>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgspallabeling.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgsvectorlayerlabeling.h>

#include "qgis/processing/cpprocessingprovider.h"
#include "support/temp_files.h"

namespace cp::test {

void RecordingFeedback::reportError(const QString& error, bool fatal) {
  errors += error + '\n';
  QgsProcessingFeedback::reportError(error, fatal);
}

AlgorithmRun runAlgorithm(const QString& id, QVariantMap parameters,
                          const QStringList& extraOutputs) {
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  if (!registry->providerById(QStringLiteral("circularplanner")))
    registry->addProvider(new CpProcessingProvider());
  const QgsProcessingAlgorithm* registered = registry->algorithmById(id);
  EXPECT_NE(registered, nullptr) << id.toStdString();
  if (!registered)
    return {};
  std::unique_ptr<QgsProcessingAlgorithm> alg(registered->create());
  parameters.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  for (const QString& name : extraOutputs)
    parameters.insert(name, QgsProcessing::TEMPORARY_OUTPUT);
  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  RecordingFeedback feedback;
  AlgorithmRun run;
  run.results = alg->run(parameters, context, &feedback, &run.ok);
  run.errors = feedback.errors;
  run.warnings = feedback.warnings;
  if (!run.ok)
    return run;
  const auto take = [&](const QString& name) {
    return std::unique_ptr<QgsVectorLayer>(
        qobject_cast<QgsVectorLayer*>(context.takeResultLayer(run.results.value(name).toString())));
  };
  run.output = take(QStringLiteral("OUTPUT"));
  for (const QString& name : extraOutputs)
    run.more[name] = take(name);
  return run;
}

double sum(QgsVectorLayer& layer, const QString& field, const QString& filter) {
  double total = 0;
  QgsFeature f;
  QgsFeatureRequest request;
  if (!filter.isEmpty())
    request.setFilterExpression(filter);
  for (QgsFeatureIterator it = layer.getFeatures(request); it.nextFeature(f);)
    total += f.attribute(field).toDouble();
  return total;
}

QStringList fieldsTheStyleLacks(const QgsVectorLayer& layer) {
  QgsRenderContext context;
  QSet<QString> read = layer.renderer()->usedAttributes(context);
  if (layer.labelsEnabled() && layer.labeling())
    read += layer.labeling()->settings().referencedFields(context);
  QStringList lacking;
  for (const QString& field : read)
    // (An expression that may read any field, as a neighbour lookup does,
    // names none.)
    if (field != QgsFeatureRequest::ALL_ATTRIBUTES && layer.fields().lookupField(field) < 0)
      lacking << field;
  return lacking;
}

QString sample(const std::string& layer) {
  return QString::fromStdString(sampleLayer(layer));
}

ProjectLayer::ProjectLayer(QgsVectorLayer* l) : layer(l) {
  QgsProject::instance()->addMapLayer(layer.get(), false);
}

ProjectLayer::~ProjectLayer() {
  QgsProject::instance()->takeMapLayer(layer.get());
}

std::unique_ptr<QgsVectorLayer> reprojected(QgsVectorLayer& source, const QString& authid) {
  const QString type = QgsWkbTypes::displayString(source.wkbType());
  auto copy =
      std::make_unique<QgsVectorLayer>(QStringLiteral("%1?crs=%2").arg(type, authid),
                                       source.name() + "_" + authid, QStringLiteral("memory"));
  copy->dataProvider()->addAttributes(source.fields().toList());
  copy->updateFields();
  const QgsCoordinateTransform t(source.crs(), copy->crs(), QgsProject::instance());
  QgsFeatureList features;
  QgsFeature f;
  QgsFeatureIterator it = source.getFeatures();
  while (it.nextFeature(f)) {
    QgsGeometry g = f.geometry();
    g.transform(t);
    QgsFeature moved(copy->fields());
    moved.setAttributes(f.attributes());
    moved.setGeometry(g);
    features << moved;
  }
  copy->dataProvider()->addFeatures(features);
  return copy;
}

std::map<QString, double> byPair(QgsVectorLayer& layer, const QString& field,
                                 const QString& destinationField) {
  std::map<QString, double> out;
  QgsFeature f;
  QgsFeatureIterator it = layer.getFeatures();
  while (it.nextFeature(f))
    out[f.attribute(QStringLiteral("origin_id")).toString() + "->" +
        f.attribute(destinationField).toString()] = f.attribute(field).toDouble();
  return out;
}

}  // namespace cp::test
