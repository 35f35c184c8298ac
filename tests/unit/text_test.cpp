#include <doctest/doctest.h>

#include "src/text.hpp"

TEST_CASE("join separates items, also empty ones") {
    CHECK(aa::join({}) == "");
    CHECK(aa::join({"a"}) == "a");
    CHECK(aa::join({"a", "b", "c"}) == "a, b, c");
    CHECK(aa::join({"a", "b"}, "; ") == "a; b");
    CHECK(aa::join({"", "b"}, ",") == ",b");
}

TEST_CASE("trim drops exactly the blanks it is given, at both ends or at the end") {
    CHECK(aa::trim("", " ") == "");
    CHECK(aa::trim("   ", " ") == "");
    CHECK(aa::trim("  a b  ", " ") == "a b");  // inner blanks stay
    CHECK(aa::trim(" a ", "") == " a ");       // no blanks, nothing dropped
    CHECK(aa::trim_end("  a  ", " ") == "  a");
    CHECK(aa::trim_end(" \r\n", " \r\n") == "");
}

// The sets below are the ones each caller passes; they differ on purpose and
// these pin them, so a shared default cannot creep in unnoticed.
TEST_CASE("trim with an env file's blanks: spaces, tabs and the CR of CRLF files") {
    constexpr std::string_view kEnvBlanks = " \t\r";
    CHECK(aa::trim(" \tKEY=value\t \r", kEnvBlanks) == "KEY=value");
    CHECK(aa::trim("\fvalue\v", kEnvBlanks) == "\fvalue\v");  // form feed and vertical tab are kept
}

TEST_CASE("trim with a server or stream list's blanks: spaces and tabs only") {
    constexpr std::string_view kListBlanks = " \t";
    CHECK(aa::trim("\t nats://a:4222 \t", kListBlanks) == "nats://a:4222");
    CHECK(aa::trim("nats://a:4222\r", kListBlanks) == "nats://a:4222\r");  // the caller reports the \r
    CHECK(aa::trim("\nAA_CORE_HOT", kListBlanks) == "\nAA_CORE_HOT");
}

TEST_CASE("trim of a selected-context line: line ends and spaces after the name, spaces before it") {
    const auto name = [](std::string_view line) { return aa::trim(aa::trim_end(line, " \r\n"), " "); };
    CHECK(name("prod\n") == "prod");
    CHECK(name("  prod \r\n \n") == "prod");
    CHECK(name("\tprod\t\n") == "\tprod\t");  // tabs were never dropped here
    CHECK(name("\nprod") == "\nprod");        // nor a line end before the name
}

TEST_CASE("trim_end of an INFO greeting drops its CRLF and nothing else") {
    CHECK(aa::trim_end("INFO {} \r\n", "\r\n") == "INFO {} ");
}

TEST_CASE("printable keeps printable text, ASCII and UTF-8, as it is") {
    CHECK(aa::printable("") == "");
    CHECK(aa::printable("AA_CORE_HOT athlete-ally.> sleep.*") == "AA_CORE_HOT athlete-ally.> sleep.*");
    CHECK(aa::printable("Zürich") == "Zürich");
    CHECK(aa::printable("日本語ストリーム") == "日本語ストリーム");
    CHECK(aa::printable("e\u0301 🙂 →") == "e\u0301 🙂 →");
    CHECK(aa::printable("\u00a0\u00ff\U0010fffd") == "\u00a0\u00ff\U0010fffd");  // just past C1, the last code point
}

TEST_CASE("printable escapes terminal controls as \\xNN, one per byte") {
    CHECK(aa::printable("EVIL\x1b[2J\x1b[31mX") == "EVIL\\x1b[2J\\x1b[31mX");
    CHECK(aa::printable(std::string_view("a\0b", 3)) == "a\\x00b");
    CHECK(aa::printable("\t\r\n\x7f") == "\\x09\\x0d\\x0a\\x7f");
    CHECK(aa::printable("\x1f ~") == "\\x1f ~");
    // C1 controls are valid UTF-8 yet act as ESC sequences on many terminals: U+009B is CSI.
    CHECK(aa::printable("C1\u009b2J\u0080\u009f") == "C1\\xc2\\x9b2J\\xc2\\x80\\xc2\\x9f");
    // Line separators and bidirectional overrides reorder or break the line.
    CHECK(aa::printable("a\u2028b\u202ec\u2066d\u200fe\u061c") ==
          "a\\xe2\\x80\\xa8b\\xe2\\x80\\xaec\\xe2\\x81\\xa6d\\xe2\\x80\\x8fe\\xd8\\x9c");
}

TEST_CASE("printable escapes every byte that is not well-formed UTF-8") {
    CHECK(aa::printable("BAD\xffNAME") == "BAD\\xffNAME");
    CHECK(aa::printable("\xc3") == "\\xc3");                      // truncated sequence
    CHECK(aa::printable("\xe2\x82" "A") == "\\xe2\\x82A");         // truncated, then ASCII
    CHECK(aa::printable("\x80" "x") == "\\x80x");                  // stray continuation byte
    CHECK(aa::printable("\xc0\xaf") == "\\xc0\\xaf");              // overlong '/'
    CHECK(aa::printable("\xe0\x80\xaf") == "\\xe0\\x80\\xaf");     // overlong, 3 bytes
    CHECK(aa::printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");     // a surrogate
    CHECK(aa::printable("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
    CHECK(aa::printable("\xf8\x88\x80\x80\x80") == "\\xf8\\x88\\x80\\x80\\x80");
}

TEST_CASE("printable doubles backslashes, so an escape on screen is never the server's text") {
    CHECK(aa::printable("a\\b") == "a\\\\b");
    CHECK(aa::printable("\\x1b") == "\\\\x1b");
    CHECK(aa::printable("\\x1b") != aa::printable("\x1b"));
}

TEST_CASE("is_valid_utf8") {
    CHECK(aa::is_valid_utf8(""));
    CHECK(aa::is_valid_utf8("Zürich 日本 🙂"));
    CHECK(aa::is_valid_utf8("\x1b[31m"));  // controls are valid UTF-8
    CHECK_FALSE(aa::is_valid_utf8("A\xff"));
    CHECK_FALSE(aa::is_valid_utf8("\xc3"));
    CHECK_FALSE(aa::is_valid_utf8("\xc0\x80"));
    CHECK_FALSE(aa::is_valid_utf8("\xed\xbf\xbf"));
}

TEST_CASE("display_width counts terminal columns") {
    CHECK(aa::display_width("") == 0);
    CHECK(aa::display_width("AA_CORE_HOT") == 11);
    CHECK(aa::display_width("Zürich") == 6);
    CHECK(aa::display_width("日本") == 4);
    CHECK(aa::display_width("e\u0301") == 1);  // a combining accent takes no column
    CHECK(aa::display_width("🙂") == 2);
    CHECK(aa::display_width(aa::printable("EVIL\x1b[2J")) == 11);  // EVIL\x1b[2J
}

TEST_CASE("truncate_to_width never splits a character or an escape") {
    CHECK(aa::truncate_to_width("athlete-ally.>", 20) == "athlete-ally.>");
    CHECK(aa::truncate_to_width("athlete-ally.>, vendor.>", 10) == "athlete...");
    CHECK(aa::truncate_to_width("日本語ストリーム", 8) == "日本...");   // 4 + 3 columns; a third wide one would not fit
    CHECK(aa::truncate_to_width("ab\\x1bcdef", 8) == "ab...");        // "\x1b" stays whole or goes
    CHECK(aa::truncate_to_width("a\\\\bcdef", 6) == "a\\\\...");
    CHECK(aa::truncate_to_width("a\\\\bcdef", 5) == "a...");  // "\\" stays whole or goes
    CHECK(aa::truncate_to_width("e\u0301e\u0301e\u0301e\u0301e\u0301", 4) == "e\u0301...");
    CHECK(aa::truncate_to_width("abcdef", 2) == "..");
    for (const std::size_t width : {0u, 3u, 5u, 9u}) {
        CHECK(aa::display_width(aa::truncate_to_width("Zürich 日本語 \\x1b \\\\ end", width)) <= width);
    }
}

TEST_CASE("pad_to_width pads to columns, not bytes") {
    CHECK(aa::pad_to_width("Zürich", 8) == "Zürich  ");
    CHECK(aa::pad_to_width("日本", 6) == "日本  ");
    CHECK(aa::pad_to_width("toolong", 3) == "toolong");
    CHECK(aa::display_width(aa::pad_to_width(aa::printable("C1\u009bX"), 12)) == 12);
}
