// qcode_bench: times qcode's matching stage on an imported project (issue #4).
//
//   qcode_bench --project P.qcode --codebook C.yaml [--bytes N] [--repeat R] [--only run|breakdown]
//
// run        autocode::run with dry_run — everything `qcode autocode` does
//            except the write transaction: compile the codebook, read each
//            document's text and units from the store, tokenize, match,
//            collect the codings. This is "the matching stage" the ratios use.
// breakdown  the same loop written out here, timed per step in CPU seconds
//            of the thread (compile / read from the store / tokenize / match),
//            to show where the time goes.
//
// The codebook is installed inside a transaction that is rolled back, so
// the project is left exactly as it was. Output: one `key=value` per line
// (scripts/bench.sh parses it). MB = 10^6 bytes; --bytes is the corpus size
// on disk (what ripgrep and Python read), default the stored text's size.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "autocode/matcher.hpp"
#include "autocode/run.hpp"
#include "codebook/codebook.hpp"
#include "codebook/project.hpp"
#include "core/error.hpp"
#include "store/store.hpp"
#include "text/tokenize.hpp"

namespace {

using namespace qcode;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU time of this thread: the breakdown's steps are short, and on a
// shared machine wall time would charge them for other processes' turns.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;  // kilobytes on Linux
}

// ---------------------------------------------------------------------------
// The only code here that knows the Matcher's API (lib/autocode/matcher.hpp).
// It does per document what lib/autocode/run.cpp does, minus scopes other
// than speakers, on one thread, timing each step.
struct MatchSetup {
    autocode::Matcher matcher;
    std::map<UnitKind, std::vector<std::size_t>> codes_by_kind;
    explicit MatchSetup(const codebook::Codebook& cb) : matcher(cb, std::nullopt) {
        for (std::size_t i = 0; i < matcher.codes().size(); ++i) codes_by_kind[matcher.codes()[i].unit].push_back(i);
    }
};

struct KindUnits {
    const std::vector<std::size_t>* codes;
    std::vector<store::UnitRow> units;
};

// Matches every unit of one document; returns the number of hits.
std::size_t match_document(const autocode::Matcher& matcher, std::string_view text, const text::Tokens& tokens,
                           const std::vector<KindUnits>& kinds) {
    std::vector<autocode::Hit> hits;
    std::vector<std::size_t> candidates;
    std::size_t found = 0;
    auto doc = matcher.prepare(text, tokens);
    for (const auto& k : kinds) {
        std::size_t t = 0;
        for (const auto& unit : k.units) {
            candidates.clear();
            for (auto c : *k.codes)
                if (codebook::in_scope(matcher.codes()[c].speakers, unit.role)) candidates.push_back(c);
            while (t < tokens.size() && tokens[t].span.start < unit.span.start) ++t;
            std::size_t end = t;
            while (end < tokens.size() && tokens[end].span.end <= unit.span.end) ++end;
            hits.clear();
            matcher.match(doc, unit.span, t, end, candidates, hits);
            found += hits.size();
            t = end;
        }
    }
    return found;
}
// ---------------------------------------------------------------------------

struct Options {
    std::string project, codebook, only;
    std::uint64_t bytes = 0;
    int repeat = 1;
};

Options parse(int argc, char** argv) {
    qbench::Args args(argc, argv, "qcode_bench",
                      "--project P.qcode --codebook C.yaml [--bytes N] [--repeat R] [--only run|breakdown]");
    Options o;
    while (args.next()) {
        const auto& a = args.name();
        if (a == "--project") o.project = args.value();
        else if (a == "--codebook") o.codebook = args.value();
        else if (a == "--bytes") o.bytes = args.number();
        else if (a == "--repeat") o.repeat = static_cast<int>(std::max<std::uint64_t>(1, args.number()));
        else if (a == "--only") o.only = args.value();
        else args.usage("unknown argument " + a);
    }
    if (o.project.empty() || o.codebook.empty()) args.usage("--project and --codebook are required");
    if (!o.only.empty() && o.only != "run" && o.only != "breakdown") args.usage("--only takes run or breakdown");
    return o;
}

void print(const char* key, double v) { std::printf("%s=%.3f\n", key, v); }
void print(const char* key, std::uint64_t v) { std::printf("%s=%llu\n", key, static_cast<unsigned long long>(v)); }

}  // namespace

int main(int argc, char** argv) try {
    const Options args = parse(argc, argv);
    auto store = store::Store::open(args.project);
    const auto cb = codebook::load_yaml_file(args.codebook);
    auto tx = store.transaction();  // never committed: the project stays as it was
    codebook::install(store, cb);

    std::uint64_t bytes = args.bytes;
    if (bytes == 0)
        for (const auto& d : store.documents()) bytes += store.document_text(d.id).size();
    print("bytes", bytes);

    if (args.only.empty() || args.only == "run") {
        double best = 1e300, best_cpu = 0;
        autocode::Report report;
        for (int r = 0; r < args.repeat; ++r) {
            autocode::Options options;
            options.dry_run = true;
            report = {};  // free the previous round's codings first: peak memory is one run's
            const double c0 = cpu_seconds();
            const auto t0 = Clock::now();
            report = autocode::run(store, cb, options);
            const double wall = seconds(t0, Clock::now());
            if (wall < best) best = wall, best_cpu = cpu_seconds() - c0;
        }
        print("run_documents", static_cast<std::uint64_t>(report.documents));
        print("run_units", static_cast<std::uint64_t>(report.units));
        print("run_codings", static_cast<std::uint64_t>(report.found.size()));
        print("run_wall_s", best);
        print("run_cpu_s", best_cpu);
        print("run_mb_s", static_cast<double>(bytes) / 1e6 / best);
    }

    if (args.only.empty() || args.only == "breakdown") {
        double best_total = 1e300, read_s = 0, tokenize_s = 0, match_s = 0, compile_s = 0;
        std::uint64_t tokens_n = 0, hits_n = 0;
        for (int r = 0; r < args.repeat; ++r) {
            double rd = 0, tk = 0, mt = 0;
            std::uint64_t tn = 0, hn = 0;
            const double t0 = thread_cpu_seconds();
            const MatchSetup setup(cb);
            const double t1 = thread_cpu_seconds();
            for (const auto& doc : store.documents()) {
                const double a = thread_cpu_seconds();
                const auto text = store.document_text(doc.id);
                std::vector<KindUnits> kinds;
                for (const auto& [kind, codes] : setup.codes_by_kind) kinds.push_back({&codes, store.units(kind, doc.id)});
                const double b = thread_cpu_seconds();
                const auto tokens = text::tokenize(text);
                const double c = thread_cpu_seconds();
                hn += match_document(setup.matcher, text, tokens, kinds);
                const double d = thread_cpu_seconds();
                rd += b - a, tk += c - b, mt += d - c;
                tn += tokens.size();
            }
            const double total = thread_cpu_seconds() - t0;
            if (total < best_total)
                best_total = total, read_s = rd, tokenize_s = tk, match_s = mt, compile_s = t1 - t0,
                tokens_n = tn, hits_n = hn;
        }
        print("tokens", tokens_n);
        print("breakdown_hits", hits_n);
        print("compile_s", compile_s);
        print("read_s", read_s);
        print("tokenize_s", tokenize_s);
        print("match_s", match_s);
        print("breakdown_total_s", best_total);
        print("tokenize_mb_s", static_cast<double>(bytes) / 1e6 / tokenize_s);
        print("match_mb_s", static_cast<double>(bytes) / 1e6 / match_s);
    }
    print("peak_rss_kb", static_cast<std::uint64_t>(peak_rss_kb()));
    return 0;  // tx rolls back
} catch (const std::exception& e) {
    std::cerr << "qcode_bench: " << e.what() << "\n";
    return 1;
}
