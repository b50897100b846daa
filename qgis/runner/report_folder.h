#pragma once
// Where a report is written: a work folder beside the output folder, which
// becomes the output folder only when all of the report is done. The output
// folder is new, empty, or a report written before (which is replaced whole);
// a folder holding anything else is never touched. Nothing is written, moved
// or deleted outside the work folder and the output folder.

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace cp::runner {

class ReportFolder {
 public:
  // Checks the output location and creates the work folder beside it; throws
  // std::runtime_error naming the folder and the reason before any work starts.
  explicit ReportFolder(const QString& outputFolder);

  // The folder the report writes into, until publish().
  QString work() const { return work_->path(); }
  // Makes the finished work folder the output folder; a report there before is
  // replaced whole. On failure the output folder is as it was.
  void publish();

 private:
  QString folder_;
  std::unique_ptr<QTemporaryDir> work_;
};

}  // namespace cp::runner
