#include <doctest/doctest.h>

#include "src/stream_diff.hpp"
#include "tests/unit/fixtures.hpp"

namespace {
aa::DesiredStream core() {
    aa::TopologySettings settings;
    return aa::desired_stream(settings, aa::StreamRole::core);
}
}  // namespace

TEST_CASE("a live 2.9.10 config created from the topology has no drift, compression included") {
    const aa::Json config = aa::test::fixture("stream_info_single.json").at("config");
    CHECK_FALSE(aa::config_supports_compression(config));
    CHECK(aa::diff_managed(config, core()).empty());
}

TEST_CASE("subjects compare as a set; each managed field that differs is named as in the server's JSON") {
    aa::Json config = aa::test::fixture("stream_info_single.json").at("config");
    config["subjects"] = {"sleep.*", "athlete-ally.>"};
    CHECK(aa::diff_managed(config, core()).empty());

    config["subjects"] = {"athlete-ally.>"};
    config["max_age"] = 86400000000000LL;
    config["storage"] = "memory";
    config["num_replicas"] = 3;
    const auto changes = aa::diff_managed(config, core());
    REQUIRE(changes.size() == 4);
    CHECK(changes[0].field == "subjects");
    CHECK(changes[0].from == aa::Json{"athlete-ally.>"});
    CHECK(changes[1].field == "max_age");
    CHECK(changes[1].from == 86400000000000LL);
    CHECK(changes[1].to == 172800000000000LL);
    CHECK(changes[2].field == "num_replicas");
    CHECK(changes[3].field == "storage");
    CHECK(aa::describe_value("max_age", changes[1].from) == "24h");
    CHECK(aa::describe_value("subjects", changes[0].to) == "[athlete-ally.>, sleep.*]");
    CHECK(aa::describe_value("storage", nullptr) == "-");
}

TEST_CASE("compression is compared only where the server echoes it (2.10+)") {
    aa::Json config = aa::test::fixture("stream_info_single.json").at("config");
    config["compression"] = "none";  // what a 2.10 server reports for an uncompressed stream
    const auto changes = aa::diff_managed(config, core());
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].field == "compression");
    CHECK(changes[0].to == "s2");
    CHECK(aa::overlay_managed(config, core()).at("compression") == "s2");
    CHECK_FALSE(aa::create_config(core(), false).contains("compression"));
    CHECK(aa::create_config(core(), true).at("compression") == "s2");
}

TEST_CASE("an overlay keeps every field it does not manage") {
    aa::Json config = aa::test::fixture("stream_info_single.json").at("config");
    config["max_msgs"] = 1000;
    config["description"] = "by hand";
    config["deny_delete"] = true;
    config["max_age"] = 1;
    const aa::Json sent = aa::overlay_managed(config, core());
    CHECK(sent.at("max_msgs") == 1000);
    CHECK(sent.at("description") == "by hand");
    CHECK(sent.at("deny_delete") == true);
    CHECK(sent.at("retention") == "limits");
    CHECK(sent.at("max_age") == 172800000000000LL);
    CHECK_FALSE(sent.contains("compression"));
}
