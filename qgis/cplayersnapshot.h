#pragma once
// A vector layer's features as a background task may read them. Processing runs
// an algorithm off the main thread, but a project layer belongs to the main
// thread: QGIS 3.40 crashes now and then when a task makes a feature source of a
// project layer while the desktop works on the project (a QGIS algorithm such
// as Extract vertices does too). The snapshot is taken on the main thread,
// while the algorithm is prepared; the task reads only the snapshot.

#include <memory>

#include <qgsfeaturesource.h>
#include <qgsfields.h>
#include <qgsrectangle.h>

#include "qgis/cpqgisapi.h"

class QgsAbstractFeatureSource;
class QgsVectorLayer;

class CpLayerSnapshot : public QgsFeatureSource {
 public:
  // All of the layer's features, or only those selected now.
  CpLayerSnapshot(const QgsVectorLayer& layer, bool selectedOnly);
  ~CpLayerSnapshot() override;

  QgsFeatureIterator getFeatures(const QgsFeatureRequest& request) const override;
  QString sourceName() const override { return mName; }
  QgsCoordinateReferenceSystem sourceCrs() const override { return mCrs; }
  QgsFields fields() const override { return mFields; }
  cp::qgis::WkbType wkbType() const override { return mWkbType; }
  long long featureCount() const override { return mCount; }
  QgsRectangle sourceExtent() const override { return mExtent; }

 private:
  std::unique_ptr<QgsFeatureSource> mSelected;  // when only the selection counts
  std::unique_ptr<QgsAbstractFeatureSource> mAll;
  QString mName;
  QgsCoordinateReferenceSystem mCrs;
  QgsFields mFields;
  cp::qgis::WkbType mWkbType;
  long long mCount = 0;
  QgsRectangle mExtent;
};
