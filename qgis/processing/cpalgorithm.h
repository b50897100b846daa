#pragma once
// What every Circular Planner algorithm shares: the layers its parameters
// give, taken before the run; result tables written to its outputs in the
// project's CRS; and one convention for errors, warnings, progress and cancel
// between QGIS's feedback and the engine's.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <qgsexception.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingfeedback.h>

#include "geo/feedback.h"
#include "layers/bar_chart.h"
#include "layers/building_stock.h"
#include "layers/diagnostics.h"
#include "layers/factor_table.h"
#include "layers/library_messages.h"
#include "layers/ogr_source.h"
#include "layers/result_table.h"
#include "qgis/cplayersnapshot.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

class CpAlgorithm : public QgsProcessingAlgorithm {
 protected:
  // Writes an analysis's result table to the output `name` in the project's
  // CRS, styled with `style`; its destination, or "" when an optional output
  // was not asked for. A required output that cannot be made is an error.
  enum class Output { Required, Optional };
  QString writeTable(const QVariantMap& parameters, QgsProcessingContext& context,
                     const cp::layers::WorkingFrame& frame, const cp::layers::ResultTable& table,
                     const QString& name, Output output,
                     cp::qgis::ResultStyler::Style style = nullptr);

  // Writes the chart to the optional SVG output CHART, when asked for, and
  // adds it to `results`.
  void writeChart(const QVariantMap& parameters, QgsProcessingContext& context,
                  const cp::layers::BarChart& chart, QVariantMap& results) const;

  // Adds an optional output's destination to `results` when it was written.
  static void insertIfWritten(QVariantMap& results, const QString& name,
                              const QString& destination) {
    if (!destination.isEmpty())
      results.insert(name, destination);
  }

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

  // An optional number parameter's value; unset when left empty.
  std::optional<double> optionalNumber(const QVariantMap& parameters, const QString& name,
                                       QgsProcessingContext& context) const;

  // A table of factors or coefficients (key, unit, low, central, high, year,
  // source; see layers/factor_table.h), and reading it by its rules.
  void addFactorTableParameter(const QString& name, const QString& description);
  cp::layers::FactorTable readFactorTable(const QVariantMap& parameters, const QString& name,
                                          QgsProcessingContext& context,
                                          cp::layers::Diagnostics& diagnostics) const;
  // None when the parameter is empty.
  std::optional<cp::layers::FactorTable> readOptionalFactorTable(
      const QVariantMap& parameters, const QString& name, QgsProcessingContext& context,
      cp::layers::Diagnostics& diagnostics) const;
  // The building-stock coefficients of the COEFFICIENTS table.
  void addCoefficientsParameter();
  cp::layers::StockCoefficients readStockCoefficients(const QVariantMap& parameters,
                                                      QgsProcessingContext& context,
                                                      cp::layers::Diagnostics& diagnostics) const;

  // Runs `work` with an engine Feedback tied to QGIS's; engine and input errors
  // become QgsProcessingException, cancel gives an empty result.
  template <typename Work>
  QVariantMap guarded(QgsProcessingFeedback* feedback, Work work);

  // The CRS of outputs when no project gives one: the working frame's.
  virtual QgsCoordinateReferenceSystem fallbackOutputCrs(
      const QVariantMap& parameters, QgsProcessingContext& context,
      const cp::layers::WorkingFrame& frame) const;

 private:
  QgsCoordinateReferenceSystem outputCrs(const QVariantMap& parameters,
                                         QgsProcessingContext& context,
                                         const cp::layers::WorkingFrame& frame) const;
  Input takeSource(const QVariantMap& parameters, const QString& name,
                   QgsProcessingContext& context) const;

  std::map<QString, std::vector<Input>> mInputs;
  QgsCoordinateReferenceSystem mProjectCrs;
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

template <typename Work>
QVariantMap CpAlgorithm::guarded(QgsProcessingFeedback* feedback, Work work) {
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
