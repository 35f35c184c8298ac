#include "src/nkey_text.hpp"

#include <cstdint>
#include <optional>
#include <vector>

#include "src/errors.hpp"
#include "src/text.hpp"

namespace aa {
namespace {

using Bytes = std::vector<unsigned char>;

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr unsigned char kSeedPrefix = 18 << 3;  // base32 'S'
constexpr NkeyKind kKinds[] = {NkeyKind::operator_key, NkeyKind::account, NkeyKind::user, NkeyKind::server,
                               NkeyKind::cluster};

// CRC-16/XMODEM (polynomial 0x1021, initial 0), as nkeys checksums its text.
std::uint16_t crc16(const unsigned char* data, std::size_t size) {
    std::uint16_t crc = 0;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= static_cast<std::uint16_t>(data[i] << 8);
        for (int bit = 0; bit < 8; ++bit) {
            crc = static_cast<std::uint16_t>((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
        }
    }
    return crc;
}

// Base32 without padding (RFC 4648's alphabet), as nkeys writes it.
std::string base32_encode(const Bytes& data) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const unsigned char byte : data) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(kBase32Alphabet[(buffer >> bits) & 31]);
        }
    }
    if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<Bytes> base32_decode(std::string_view text) {
    Bytes out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const auto value = kBase32Alphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = ((buffer << 5) | static_cast<unsigned>(value)) & 0xFFF;  // at most 12 bits are ever pending
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<unsigned char>(buffer >> bits));
        }
    }
    return out;
}

// The prefix bytes, the payload and their CRC16 (little-endian), in base32.
std::string encode_with_crc(Bytes raw) {
    const std::uint16_t crc = crc16(raw.data(), raw.size());
    raw.push_back(static_cast<unsigned char>(crc & 0xFF));
    raw.push_back(static_cast<unsigned char>(crc >> 8));
    return base32_encode(raw);
}

// A block's first or last line, "-----BEGIN USER NKEY SEED-----" and the like.
bool is_block_edge(std::string_view line) {
    return line.size() >= 6 && line.starts_with("---") && line.ends_with("---");
}

// TEXT's lines, without their line ends ("\n" or "\r\n") and the blanks around them.
std::vector<std::string_view> trimmed_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (true) {
        const auto end = text.find('\n');
        lines.push_back(trim(text.substr(0, end), " \t\r"));
        if (end == std::string_view::npos) return lines;
        text.remove_prefix(end + 1);
    }
}

// The one-line blocks between "-----…-----" lines, in order.
std::vector<std::string_view> blocks_in(std::string_view file_text) {
    const std::vector<std::string_view> lines = trimmed_lines(file_text);
    std::vector<std::string_view> blocks;
    for (std::size_t i = 0; i + 2 < lines.size();) {
        if (is_block_edge(lines[i]) && !lines[i + 1].empty() && is_block_edge(lines[i + 2])) {
            blocks.push_back(lines[i + 1]);
            i += 3;
        } else {
            ++i;
        }
    }
    return blocks;
}

}  // namespace

std::string_view seed_in_file(std::string_view file_text) {
    const std::vector<std::string_view> blocks = blocks_in(file_text);
    if (blocks.size() > 1) return blocks[1];
    for (const std::string_view line : trimmed_lines(file_text)) {
        if (line.starts_with("SO") || line.starts_with("SA") || line.starts_with("SU")) return line;
    }
    throw ParseError("no NKey seed in it (a line starting with SU, or the second block of a creds file)");
}

std::string_view jwt_in_creds_file(std::string_view file_text) {
    const std::vector<std::string_view> blocks = blocks_in(file_text);
    if (blocks.size() < 2) throw ParseError("no user JWT and seed in it (a creds file holds two blocks: the JWT, then the seed)");
    return blocks[0];
}

NkeySeed decode_nkey_seed(std::string_view encoded) {
    const std::optional<Bytes> raw = base32_decode(encoded);
    if (!raw) throw ParseError("the NKey seed is not base32 (A-Z, 2-7)");
    // Two prefix bytes, the 32-byte ed25519 seed, the CRC16.
    if (raw->size() != 36) throw ParseError("the NKey seed has the wrong length");
    const Bytes& r = *raw;
    const std::uint16_t stored = static_cast<std::uint16_t>(r[34] | (r[35] << 8));
    if (crc16(r.data(), 34) != stored) throw ParseError("the NKey seed's checksum does not match: it was changed or cut");
    if ((r[0] & 0xF8) != kSeedPrefix) throw ParseError("not an NKey seed (a seed starts with S)");
    const auto kind_byte = static_cast<unsigned char>(((r[0] & 0x07) << 5) | ((r[1] & 0xF8) >> 3));
    NkeySeed seed;
    bool known = false;
    for (const NkeyKind kind : kKinds) {
        if (static_cast<unsigned char>(kind) == kind_byte) {
            seed.kind = kind;
            known = true;
        }
    }
    if (!known) throw ParseError("the NKey seed is of an unknown kind");
    std::copy(r.begin() + 2, r.begin() + 34, seed.ed25519_seed.begin());
    return seed;
}

std::string encode_nkey_seed(const NkeySeed& seed) {
    const auto kind = static_cast<unsigned char>(seed.kind);
    Bytes raw{static_cast<unsigned char>(kSeedPrefix | (kind >> 5)), static_cast<unsigned char>((kind & 31) << 3)};
    raw.insert(raw.end(), seed.ed25519_seed.begin(), seed.ed25519_seed.end());
    return encode_with_crc(std::move(raw));
}

std::string encode_nkey_public(NkeyKind kind, const Ed25519Key& public_key) {
    Bytes raw{static_cast<unsigned char>(kind)};
    raw.insert(raw.end(), public_key.begin(), public_key.end());
    return encode_with_crc(std::move(raw));
}

std::string_view nkey_kind_name(NkeyKind kind) {
    switch (kind) {
        case NkeyKind::operator_key: return "operator";
        case NkeyKind::account: return "account";
        case NkeyKind::user: return "user";
        case NkeyKind::server: return "server";
        case NkeyKind::cluster: return "cluster";
    }
    return "unknown";
}

}  // namespace aa
