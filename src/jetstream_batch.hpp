#pragma once
// What a command wants to know from JetStream, asked together, and the typed
// answers. A command lists its questions; the client sends them in one batch
// (one round trip) and reads each reply by the rule of its kind: a stream or
// consumer that does not exist is an answer, any other API error is a failure
// that names the subject asked (ApiFailure, exit 3: "could not look"). So no
// command spells a $JS.API subject or re-derives one for its error messages.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "src/jetstream_api.hpp"

namespace aa {

// A consumer look-up's answer: its info, or which of the two does not exist.
struct ConsumerAnswer {
    std::optional<Json> info;     // nullopt: absent
    bool stream_missing = false;  // absent because the stream does not exist (else: no such consumer)
};

// The first page of a stream's consumer infos (empty when the stream does not
// exist), and whether the server holds more than this page.
struct ConsumerPage {
    std::vector<Json> consumers;
    bool complete = true;
};

// One page of the account's stream infos (STREAM.LIST), kept as the server
// wrote it: what is passed on is the server's own text.
class StreamPage {
public:
    StreamPage() = default;
    // Reads a reply's TEXT, which json_text::validate accepted. Throws
    // ParseError unless it is a page of stream infos (src/reply_shapes.hpp).
    explicit StreamPage(std::string text);

    std::size_t size() const { return spans_.size(); }
    // The I-th stream's info, as the server wrote it.
    std::string_view info(std::size_t i) const { return std::string_view(text_).substr(spans_[i].first, spans_[i].second); }
    // The I-th stream's name (its config.name).
    const std::string& name(std::size_t i) const { return names_[i]; }
    // The streams in the account, and the infos a page holds, as the server counts them.
    std::int64_t total() const { return total_; }
    std::int64_t limit() const { return limit_; }
    // On a cluster, the streams of the page whose leader did not answer in
    // time: the server names them here instead of giving their infos.
    const std::vector<std::string>& missing() const { return missing_; }
    // The streams of the page the server holds but cannot serve (2.11.9+),
    // with its reason, in name order; not in missing().
    const std::vector<std::pair<std::string, std::string>>& offline() const { return offline_; }

private:
    std::string text_;
    std::vector<std::string> missing_;
    std::vector<std::pair<std::string, std::string>> offline_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;  // (offset, length) of each info in text_
    std::vector<std::string> names_;                          // each info's config.name
    std::int64_t total_ = 0;
    std::int64_t limit_ = 0;
};

// Where an answer will be in the Answers, typed by what it holds.
template <typename Answer>
struct Ticket {
    std::size_t index = 0;
};

// The kinds of questions; each has its own reading rule (jetstream_batch.cpp).
enum class QuestionKind { stream_info, stored_messages, consumer_info, consumer_page, streams_overlapping, stream_page, api_level };

// Whether the replies to questions of KIND are read as text (ApiCall::as_text), not as a tree.
inline bool read_as_text(QuestionKind kind) { return kind == QuestionKind::stream_page; }

class Questions {
public:
    // The stream's info; nullopt when it does not exist.
    Ticket<std::optional<Json>> stream_info(const std::string& stream);

    // How many messages STREAM stores on the subjects matching PATTERN; nullopt
    // when the stream does not exist.
    Ticket<std::optional<std::uint64_t>> stored_messages(const std::string& stream, const std::string& pattern);

    Ticket<ConsumerAnswer> consumer_info(const std::string& stream, const std::string& durable);

    // The first page (up to 256) of STREAM's consumer infos.
    Ticket<ConsumerPage> first_consumer_page(const std::string& stream);

    // "Which streams capture SUBJECT", asked of the server itself: the infos of
    // the streams whose subjects overlap it, without listing the account.
    // STREAM.LIST filtered on the subject rather than STREAM.NAMES with the
    // same filter: nats-server 2.9.10 selects the streams by the same rule
    // for both (SubjectsCollide on each subject), but NAMES answers names
    // only, and telling a stream that covers the subject from one that
    // captures part of it, or naming what it captures, needs their subjects:
    // one more round trip. Every overlapping stream is in the answer: the
    // first page (256 infos) comes in the batch, and only when more overlap
    // does the client ask for the rest, in one more batch. Streams the server
    // lists as "missing" (a cluster whose stream leader did not answer) are a
    // failure (ConnectionError): "could not look", never "captured by no stream".
    Ticket<std::vector<Json>> streams_overlapping(const std::string& subject);

    // The page of the account's stream infos that starts at OFFSET, in the
    // server's name order (nats-server 2.9.10 sorts the streams by name
    // before it pages them, standalone and clustered alike:
    // jsStreamListRequest, jsClusteredStreamListRequest), read as text.
    Ticket<StreamPage> stream_page(std::int64_t offset);
    // The JetStream API level the server supports (the account info's
    // api.level, from nats-server 2.11 on); nullopt when the reply names none
    // or is an error: it is shown, never decided on.
    Ticket<std::optional<int>> api_level();

    struct Question {
        QuestionKind kind;
        std::string verb;  // the API verb after the prefix, e.g. "STREAM.INFO.AA_DLQ"
        Json body;         // null sends an empty payload
        // What the reply must name to be the answer (reply_shapes.hpp): the
        // stream asked about, and the consumer ("" when none is asked).
        std::string stream{};
        std::string consumer{};
    };
    const std::vector<Question>& list() const { return questions_; }
    bool empty() const { return questions_.empty(); }

private:
    template <typename Answer>
    Ticket<Answer> add(Question question);

    std::vector<Question> questions_;
};

using Answer = std::variant<std::optional<Json>, std::optional<std::uint64_t>, ConsumerAnswer, ConsumerPage,
                            std::vector<Json>, StreamPage, std::optional<int>>;

class Answers {
public:
    explicit Answers(std::vector<Answer> answers) : answers_(std::move(answers)) {}

    // Moves the answer out: each ticket is read once.
    template <typename A>
    A take(Ticket<A> ticket) {
        return std::get<A>(std::move(answers_.at(ticket.index)));
    }

private:
    std::vector<Answer> answers_;
};

// Appends to INTO, a reply to a streams_overlapping question, the streams of
// PAGE, a later page of the same list, that come after INTO's last stream in
// name order (the order nats-server pages in: one not after it was already
// seen, the list having shifted while paging), and PAGE's "missing" names
// and "offline" streams.
// Returns how many streams it appended.
std::size_t append_stream_page(Json& into, const Json& page);

// An offline stream or consumer in a reply is AssetsOffline (exit 3, with the
// server's reason): a stream or consumer info of one, a consumer page or a
// streams_overlapping list naming one under "offline". A stream_page keeps
// them apart (StreamPage::offline()), for the listing to name.
// Reads the replies to QUESTIONS (in order; SUBJECTS are the subjects they were
// sent on, for naming them in failures). Pure: the client's ask() sends, this
// reads, and unit tests read fixtures with it.
Answers read_answers(const Questions& questions, std::vector<ApiReply> replies,
                     const std::vector<std::string>& subjects);

}  // namespace aa
