// The integration tests' main. CTest runs integration_tests once per file
// (--source-file); a filter that selects no test case would pass in silence,
// so a run that selected none fails, naming its arguments.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

namespace {

unsigned g_selected = 0;

// Counts the test cases the filters selected; reports nothing else.
struct SelectionCount : doctest::IReporter {
    explicit SelectionCount(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override { g_selected = stats.numTestCasesPassingFilters; }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("selection_count", 1, SelectionCount);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int failed = context.run();
    if (context.shouldExit() || failed != 0) return failed;  // --help, --list-test-cases, or failures
    if (g_selected == 0) {
        std::cerr << "integration_tests: no test case matches";
        for (int i = 1; i < argc; ++i) std::cerr << ' ' << argv[i];
        std::cerr << '\n';
        return 1;
    }
    return 0;
}
