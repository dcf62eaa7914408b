#include "autocode/runs.hpp"

#include <algorithm>

namespace qcode::autocode {

Table runs_table(store::Store& store, const std::vector<std::string>& coders) {
    Table t;
    t.title = "Autocoding runs";
    t.column("run", ColumnType::integer).column("started_at").column("coder").column("codebook").column("codebook_sha256");
    t.column("options").column("codings", ColumnType::integer).column("present", ColumnType::integer);
    t.column("status").column("replaced_by", ColumnType::integer).column("undone_at");
    for (const auto& r : store.runs()) {
        if (!coders.empty() && std::find(coders.begin(), coders.end(), r.coder) == coders.end()) continue;
        const char* status = r.undone_at ? "undone" : r.replaced_by ? "replaced" : "active";
        t.add_row({r.id, r.started_at, r.coder, r.codebook_name, r.codebook_sha256.substr(0, 12), r.options, r.codings,
                   r.present, std::string(status), r.replaced_by ? Cell(*r.replaced_by) : Cell(),
                   r.undone_at ? Cell(*r.undone_at) : Cell()});
    }
    return t;
}

}  // namespace qcode::autocode
