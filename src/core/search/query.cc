#include "search/query.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "search/terms.h"
#include "util/error.h"

namespace tema::search {

std::string at_column(std::size_t column) {
    return column == 0 ? std::string() : " at column " + std::to_string(column);
}

namespace {

[[noreturn]] void refuse(const std::string& problem) { throw Error("query", problem); }

struct Lexeme {
    enum class Type { text, phrase, open, close, op_and, op_or, op_not, op_near, field };
    Type type = Type::text;
    std::string text;   // text, phrase: as written; field: its value
    std::string field;  // field: the name
    unsigned window = kDefaultNearWindow;
    std::size_t column = 0;
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Quotation marks that open and close a phrase: "…", “…”, «…».
std::size_t opening_quote(std::string_view s) {
    for (std::string_view q : {"\"", "\u201C", "\u00AB"}) {
        if (s.starts_with(q)) {
            return q.size();
        }
    }
    return 0;
}
std::size_t closing_quote(std::string_view s) {
    for (std::string_view q : {"\"", "\u201D", "\u00BB"}) {
        if (s.starts_with(q)) {
            return q.size();
        }
    }
    return 0;
}

bool is_field_name(std::string_view name) {
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
                          static_cast<unsigned char>(name[0]) >= 0x80)) {
        return false;
    }
    for (char c : name) {
        if (is_ascii_space(c) || c == '(' || c == ')' || c == '"' || c == '*') {
            return false;
        }
    }
    return true;
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : query_(query) {}

    std::vector<Lexeme> run() {
        std::vector<Lexeme> out;
        while (skip_space()) {
            const std::size_t column = column_at(at_);
            const std::string_view rest = query_.substr(at_);
            if (rest[0] == '(' || rest[0] == ')') {
                out.push_back({rest[0] == '(' ? Lexeme::Type::open : Lexeme::Type::close, {}, {},
                               kDefaultNearWindow, column});
                ++at_;
            } else if (opening_quote(rest) != 0) {
                out.push_back({Lexeme::Type::phrase, quoted(), {}, kDefaultNearWindow, column});
            } else if (rest[0] == '-' && rest.size() > 1 && !is_ascii_space(rest[1])) {
                out.push_back({Lexeme::Type::op_not, "-", {}, kDefaultNearWindow, column});
                ++at_;
            } else {
                Lexeme lexeme = chunk(column);
                // Punctuation alone ("–", "...") holds no words to search for.
                if (lexeme.type != Lexeme::Type::text || lexeme.text.ends_with('*') ||
                    !tokenize(lexeme.text).empty()) {
                    out.push_back(std::move(lexeme));
                }
            }
        }
        return out;
    }

private:
    bool skip_space() {
        while (at_ < query_.size() && is_ascii_space(query_[at_])) {
            ++at_;
        }
        return at_ < query_.size();
    }

    std::size_t column_at(std::size_t byte) const {
        std::size_t column = 1;
        for (std::size_t i = 0; i < byte; ++i) {
            if ((static_cast<unsigned char>(query_[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return column;
    }

    // A quoted phrase; at_ is on its opening quote.
    std::string quoted() {
        const std::size_t open = at_;
        at_ += opening_quote(query_.substr(at_));
        const std::size_t begin = at_;
        while (at_ < query_.size()) {
            if (const std::size_t close = closing_quote(query_.substr(at_)); close != 0) {
                std::string inside(query_.substr(begin, at_ - begin));
                at_ += close;
                return inside;
            }
            ++at_;
        }
        refuse("the quotation mark" + at_column(column_at(open)) + " is never closed");
    }

    // A run of text up to a space, parenthesis or quotation mark.
    Lexeme chunk(std::size_t column) {
        const std::size_t begin = at_;
        while (at_ < query_.size() && !is_ascii_space(query_[at_]) && query_[at_] != '(' &&
               query_[at_] != ')' && opening_quote(query_.substr(at_)) == 0) {
            ++at_;
        }
        const std::string_view text = query_.substr(begin, at_ - begin);
        Lexeme lexeme{Lexeme::Type::text, std::string(text), {}, kDefaultNearWindow, column};
        if (text == "AND") {
            lexeme.type = Lexeme::Type::op_and;
        } else if (text == "OR") {
            lexeme.type = Lexeme::Type::op_or;
        } else if (text == "NOT") {
            lexeme.type = Lexeme::Type::op_not;
        } else if (text == "NEAR" || text.starts_with("NEAR/")) {
            lexeme.type = Lexeme::Type::op_near;
            if (text.size() > 5) {
                const std::string_view digits = text.substr(5);
                unsigned window = 0;
                for (char c : digits) {
                    if (c < '0' || c > '9' || window > 1000) {
                        refuse("NEAR" + at_column(column) +
                               " takes a number of words, as in NEAR/5, not \"" +
                               std::string(digits) + "\"");
                    }
                    window = window * 10 + static_cast<unsigned>(c - '0');
                }
                if (window == 0) {
                    refuse("NEAR/0" + at_column(column) + ": the distance must be at least 1");
                }
                lexeme.window = window;
            }
        } else if (const std::size_t colon = text.find(':');
                   colon != std::string_view::npos && is_field_name(text.substr(0, colon))) {
            lexeme.type = Lexeme::Type::field;
            lexeme.field = std::string(text.substr(0, colon));
            lexeme.text = std::string(text.substr(colon + 1));
            if (lexeme.text.empty() && at_ < query_.size() &&
                opening_quote(query_.substr(at_)) != 0) {
                lexeme.text = quoted();
            }
            if (lexeme.text.empty()) {
                refuse("the field " + lexeme.field + ":" + at_column(column) + " has no value");
            }
        }
        return lexeme;
    }

    std::string_view query_;
    std::size_t at_ = 0;
};

class Parser {
public:
    explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

    QueryNode run() {
        std::optional<QueryNode> root = parse_or();
        if (at_ < lexemes_.size()) {
            const Lexeme& stray = lexemes_[at_];
            refuse("the closing parenthesis" + at_column(stray.column) + " has no opening one");
        }
        if (!root) {
            refuse("the query is empty");
        }
        return std::move(*root);
    }

private:
    using Type = Lexeme::Type;

    const Lexeme* peek() const { return at_ < lexemes_.size() ? &lexemes_[at_] : nullptr; }
    bool next_is(Type type) const { return peek() != nullptr && peek()->type == type; }

    static QueryNode group(QueryNode::Kind kind, std::vector<QueryNode> children) {
        if (children.size() == 1) {
            return std::move(children.front());
        }
        QueryNode node;
        node.kind = kind;
        node.column = children.front().column;
        node.children = std::move(children);
        return node;
    }

    std::optional<QueryNode> parse_or() {
        std::vector<QueryNode> either;
        std::optional<QueryNode> first = parse_and();
        if (first) {
            either.push_back(std::move(*first));
        }
        while (next_is(Type::op_or)) {
            const Lexeme& op = lexemes_[at_++];
            if (either.empty()) {
                refuse("OR" + at_column(op.column) + " has nothing before it");
            }
            std::optional<QueryNode> next = parse_and();
            if (!next) {
                refuse("OR" + at_column(op.column) + " has nothing after it");
            }
            either.push_back(std::move(*next));
        }
        if (either.empty()) {
            return std::nullopt;
        }
        return group(QueryNode::Kind::any_of, std::move(either));
    }

    std::optional<QueryNode> parse_and() {
        std::vector<QueryNode> all;
        while (const Lexeme* lexeme = peek()) {
            if (lexeme->type == Type::op_or || lexeme->type == Type::close) {
                break;
            }
            if (lexeme->type == Type::op_and) {
                ++at_;
                if (all.empty()) {
                    refuse("AND" + at_column(lexeme->column) + " has nothing before it");
                }
                std::optional<QueryNode> next = parse_near();
                if (!next) {
                    refuse("AND" + at_column(lexeme->column) + " has nothing after it");
                }
                all.push_back(std::move(*next));
                continue;
            }
            std::optional<QueryNode> next = parse_near();
            if (next) {
                all.push_back(std::move(*next));
            }
        }
        if (all.empty()) {
            return std::nullopt;
        }
        return group(QueryNode::Kind::all_of, std::move(all));
    }

    static bool positional(const QueryNode& node) {
        return node.kind == QueryNode::Kind::word || node.kind == QueryNode::Kind::phrase ||
               node.kind == QueryNode::Kind::wildcard;
    }

    std::optional<QueryNode> parse_near() {
        std::optional<QueryNode> left = parse_unary();
        while (next_is(Type::op_near)) {
            const Lexeme& op = lexemes_[at_++];
            std::optional<QueryNode> right = parse_unary();
            if (!left || !right) {
                refuse("NEAR" + at_column(op.column) + " has nothing " +
                       (left ? "after" : "before") + " it");
            }
            if (!positional(*right) ||
                !(positional(*left) ||
                  (left->kind == QueryNode::Kind::near && left->window == op.window))) {
                refuse("NEAR" + at_column(op.column) +
                       " joins words, phrases and words with * only");
            }
            if (left->kind != QueryNode::Kind::near) {
                QueryNode near;
                near.kind = QueryNode::Kind::near;
                near.window = op.window;
                near.column = left->column;
                near.children.push_back(std::move(*left));
                left = std::move(near);
            }
            left->children.push_back(std::move(*right));
        }
        return left;
    }

    std::optional<QueryNode> parse_unary() {
        if (next_is(Type::op_not)) {
            const Lexeme& op = lexemes_[at_++];
            std::optional<QueryNode> child = parse_unary();
            if (!child) {
                refuse((op.text == "-" ? std::string("-") : std::string("NOT")) +
                       at_column(op.column) + " has nothing after it");
            }
            QueryNode node;
            node.kind = QueryNode::Kind::none_of;
            node.column = op.column;
            node.children.push_back(std::move(*child));
            return node;
        }
        return parse_primary();
    }

    std::optional<QueryNode> parse_primary() {
        const Lexeme* lexeme = peek();
        if (lexeme == nullptr) {
            return std::nullopt;
        }
        switch (lexeme->type) {
            case Type::open: {
                ++at_;
                std::optional<QueryNode> inside = parse_or();
                if (!next_is(Type::close)) {
                    refuse("the opening parenthesis" + at_column(lexeme->column) +
                           " is never closed");
                }
                ++at_;
                if (!inside) {
                    refuse("the parentheses" + at_column(lexeme->column) + " hold nothing");
                }
                return inside;
            }
            case Type::phrase: {
                ++at_;
                QueryNode node = text_node(lexeme->text, lexeme->column, true);
                if (node.kind == QueryNode::Kind::phrase && node.words.empty()) {
                    refuse("the phrase" + at_column(lexeme->column) + " has no words");
                }
                return node;
            }
            case Type::text: {
                ++at_;
                QueryNode node = text_node(lexeme->text, lexeme->column, false);
                node.length = static_cast<std::size_t>(std::count_if(
                    lexeme->text.begin(), lexeme->text.end(),
                    [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
                return node;
            }
            case Type::field: {
                ++at_;
                QueryNode node;
                node.kind = QueryNode::Kind::filter;
                node.field = normalize_word(lexeme->field);
                node.text = lexeme->text;
                node.column = lexeme->column;
                return node;
            }
            case Type::close:
                return std::nullopt;
            case Type::op_and:
            case Type::op_or:
            case Type::op_near:
            case Type::op_not:
                break;
        }
        refuse(lexeme->text + at_column(lexeme->column) + " has nothing before it");
    }

    // A word, a wildcard, or (for quoted text, and text the word rules split,
    // such as "NAV-veileder") a phrase.
    static QueryNode text_node(const std::string& text, std::size_t column, bool quoted) {
        QueryNode node;
        node.column = column;
        if (!quoted && text.size() > 1 && text.back() == '*') {
            const std::vector<Token> tokens = tokenize(text.substr(0, text.size() - 1));
            if (tokens.size() != 1) {
                refuse("the wildcard " + text + at_column(column) +
                       " must be one word followed by *");
            }
            node.kind = QueryNode::Kind::wildcard;
            node.text = tokens.front().word;
            return node;
        }
        if (!quoted && text == "*") {
            refuse("the * " + at_column(column) + " must follow the start of a word, as in støtt*");
        }
        std::vector<Token> tokens = tokenize(text);
        if (tokens.size() == 1) {
            node.kind = QueryNode::Kind::word;
            node.text = std::move(tokens.front().word);
            return node;
        }
        node.kind = QueryNode::Kind::phrase;
        for (Token& token : tokens) {
            node.words.push_back(std::move(token.word));
        }
        return node;
    }

    std::vector<Lexeme> lexemes_;
    std::size_t at_ = 0;
};

}  // namespace

QueryNode parse_query(std::string_view query) { return Parser(Lexer(query).run()).run(); }

}  // namespace tema::search
