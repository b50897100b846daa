#include "cpprocessingprovider.h"

#include <qgsapplication.h>

#include "cpallocationalgorithm.h"
#include "cpbuildingstockalgorithm.h"
#include "cpbuildnetworkalgorithm.h"
#include "cpcatchmentsalgorithm.h"
#include "cpclimatebalancealgorithm.h"
#include "cpcompostoutletsalgorithm.h"
#include "cpconstructionsupplyalgorithm.h"
#include "cpflowbalancealgorithm.h"
#include "cpflowlinesalgorithm.h"
#include "cpnearestfacilitiesalgorithm.h"
#include "cpodmatrixalgorithm.h"
#include "cpreportmapalgorithm.h"
#include "cproadloadsalgorithm.h"
#include "cproutesalgorithm.h"
#include "cpsankeyalgorithm.h"
#include "cpsiteassessmentalgorithm.h"
#include "cpsiteselectionalgorithm.h"
#include "cpwastedisposalalgorithm.h"

QIcon CpProcessingProvider::icon() const {
  return QgsApplication::getThemeIcon(QStringLiteral("/mActionCalculateField.svg"));
}

void CpProcessingProvider::loadAlgorithms() {
  addAlgorithm(new CpBuildNetworkAlgorithm());
  addAlgorithm(new CpOdMatrixAlgorithm());
  addAlgorithm(new CpNearestFacilitiesAlgorithm());
  addAlgorithm(new CpRoutesAlgorithm());
  addAlgorithm(new CpAllocationAlgorithm());
  addAlgorithm(new CpCatchmentsAlgorithm());
  addAlgorithm(new CpSiteSelectionAlgorithm());
  addAlgorithm(new CpCompostOutletsAlgorithm());
  addAlgorithm(new CpWasteDisposalAlgorithm());
  addAlgorithm(new CpClimateBalanceAlgorithm());
  addAlgorithm(new CpFlowLinesAlgorithm());
  addAlgorithm(new CpFlowBalanceAlgorithm());
  addAlgorithm(new CpRoadLoadsAlgorithm());
  addAlgorithm(new CpSankeyAlgorithm());
  addAlgorithm(new CpSiteAssessmentAlgorithm());
  addAlgorithm(new CpReportMapAlgorithm());
  addAlgorithm(new CpBuildingStockAlgorithm());
  addAlgorithm(new CpConstructionSupplyAlgorithm());
}
