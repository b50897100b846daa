#include "cpprocessingprovider.h"

#include <qgsapplication.h>

#include "cpnearestfacilitiesalgorithm.h"
#include "cpodmatrixalgorithm.h"

QIcon CpProcessingProvider::icon() const {
  return QgsApplication::getThemeIcon(QStringLiteral("/mActionCalculateField.svg"));
}

void CpProcessingProvider::loadAlgorithms() {
  addAlgorithm(new CpOdMatrixAlgorithm());
  addAlgorithm(new CpNearestFacilitiesAlgorithm());
}
