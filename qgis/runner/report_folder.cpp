#include "report_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <stdexcept>

namespace cp::runner {
namespace {

// Marks a folder as a report's, so that a later run may replace it whole.
const char* const kMarker = ".circular-planner-report";

[[noreturn]] void fail(const QString& message) {
  throw std::runtime_error(message.toStdString());
}

void checkOutputFolder(const QString& folder) {
  const QFileInfo info(folder);
  if (!info.exists())
    return;
  if (!info.isDir())
    fail(QStringLiteral("the output folder %1 is a file").arg(folder));
  const QDir dir(folder);
  const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
  if (!empty && !QFileInfo::exists(dir.filePath(QString::fromLatin1(kMarker))))
    fail(QStringLiteral("the output folder %1 already holds files that are not a Circular "
                        "Planner report; choose a new folder, or empty this one")
             .arg(folder));
}

}  // namespace

ReportFolder::ReportFolder(const QString& outputFolder)
    : folder_(QDir::cleanPath(QFileInfo(outputFolder).absoluteFilePath())) {
  const QString parent = QFileInfo(folder_).absolutePath();
  const QFileInfo parentInfo(parent);
  if (parentInfo.exists() && !parentInfo.isDir())
    fail(QStringLiteral("cannot write the report to %1: %2 is a file, not a folder")
             .arg(folder_, parent));
  if (!QDir().mkpath(parent))
    fail(QStringLiteral("cannot write the report to %1: the folder %2 cannot be created")
             .arg(folder_, parent));
  checkOutputFolder(folder_);
  work_ = std::make_unique<QTemporaryDir>(folder_ + QStringLiteral(".partial-XXXXXX"));
  if (!work_->isValid())
    fail(QStringLiteral("cannot write the report to %1: no folder can be created in %2 (%3)")
             .arg(folder_, parent, work_->errorString()));
}

void ReportFolder::publish() {
  QFile marker(QDir(work()).filePath(QString::fromLatin1(kMarker)));
  if (!marker.open(QIODevice::WriteOnly) || marker.write("Circular Planner report\n") < 0)
    fail(QStringLiteral("cannot write in the work folder %1").arg(work()));
  marker.close();
  checkOutputFolder(folder_);  // it may have changed while the report ran
  QString previous;
  if (QFileInfo::exists(folder_)) {
    previous = work() + QStringLiteral(".previous");
    if (!QDir().rename(folder_, previous))
      fail(QStringLiteral("cannot replace the report in %1 (it could not be moved aside)")
               .arg(folder_));
  }
  if (!QDir().rename(work(), folder_)) {
    if (!previous.isEmpty())
      QDir().rename(previous, folder_);
    fail(QStringLiteral("cannot move the finished report to %1").arg(folder_));
  }
  work_->setAutoRemove(false);
  // A temporary folder is private to its owner; a report is shared as any folder is.
  QFile::setPermissions(folder_, QFile::permissions(QFileInfo(folder_).absolutePath()));
  if (!previous.isEmpty())
    QDir(previous).removeRecursively();
}

}  // namespace cp::runner
