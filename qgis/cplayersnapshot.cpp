#include "cplayersnapshot.h"

#include <qgsvectorlayer.h>
#include <qgsvectorlayerfeatureiterator.h>

CpLayerSnapshot::CpLayerSnapshot(const QgsVectorLayer& layer, bool selectedOnly)
    : mName(layer.name()),
      mCrs(layer.crs()),
      mFields(layer.fields()),
      mWkbType(layer.wkbType()),
      mExtent(layer.extent()) {
  if (selectedOnly) {
    // QGIS's own snapshot of the selection (the layer's source and the ids).
    mSelected =
        std::make_unique<QgsVectorLayerSelectedFeatureSource>(const_cast<QgsVectorLayer*>(&layer));
    mCount = mSelected->featureCount();
  } else {
    mAll = std::make_unique<QgsVectorLayerFeatureSource>(&layer);
    mCount = layer.featureCount();
  }
}

CpLayerSnapshot::~CpLayerSnapshot() = default;

QgsFeatureIterator CpLayerSnapshot::getFeatures(const QgsFeatureRequest& request) const {
  return mSelected ? mSelected->getFeatures(request) : mAll->getFeatures(request);
}
