#include <doctest/doctest.h>

#include "src/text.hpp"

TEST_CASE("join separates items, also empty ones") {
    CHECK(aa::join({}) == "");
    CHECK(aa::join({"a"}) == "a");
    CHECK(aa::join({"a", "b", "c"}) == "a, b, c");
    CHECK(aa::join({"a", "b"}, "; ") == "a; b");
    CHECK(aa::join({"", "b"}, ",") == ",b");
}
