#pragma once
// circularplanner:odmatrix - road distances and travel times between every
// origin and destination, as lines with costs and the method that found them.

#include <memory>
#include <string>

#include <qgsprocessingalgorithm.h>

class CpOdMatrixAlgorithm : public QgsProcessingAlgorithm {
 public:
  QString name() const override { return QStringLiteral("odmatrix"); }
  QString displayName() const override { return QStringLiteral("OD matrix on the road network"); }
  QString group() const override { return QStringLiteral("Transport distances"); }
  QString groupId() const override { return QStringLiteral("transport"); }
  QString shortHelpString() const override;
  CpOdMatrixAlgorithm* createInstance() const override { return new CpOdMatrixAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  std::unique_ptr<QgsProcessingFeatureSource> requireSource(const QVariantMap& parameters,
                                                            const QString& name,
                                                            QgsProcessingContext& context) const;
  // A field chosen by the user, else the first of the usual names the layer has.
  std::string roadField(const QVariantMap& parameters, const QString& name,
                        QgsProcessingContext& context, const QgsFeatureSource& roads,
                        const QStringList& usual) const;
};
