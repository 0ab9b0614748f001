// SPDX-License-Identifier: MIT
#define BOOST_TEST_MODULE coscore_exports_tests
#include <boost/test/unit_test.hpp>
