#include <gtest/gtest.h>

#include "support/qgis_env.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const cp::test::QgisSession qgis(argc, argv);
  return RUN_ALL_TESTS();
}
