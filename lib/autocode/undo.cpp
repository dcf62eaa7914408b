#include "autocode/undo.hpp"

#include "core/error.hpp"

namespace qcode::autocode {

UndoReport undo(store::Store& store, Id run) {
    auto tx = store.transaction();
    const auto row = store.find_run(run);
    const auto id = std::to_string(run);
    if (!row) throw Error("no autocoding run " + id + " in the project; `qcode runs` lists the runs", store.path());
    if (row->undone_at)
        throw Error("run " + id + " was already undone (" + *row->undone_at + "); `qcode runs` lists the runs",
                    store.path());
    if (row->replaced_by)
        throw Error("run " + id + " was replaced by run " + std::to_string(*row->replaced_by) + " of the same coder '" +
                        row->coder + "' and has no codings left; to remove that run's codings, undo run " +
                        std::to_string(*row->replaced_by),
                    store.path());
    UndoReport report;
    report.run = run;
    report.coder = row->coder;
    report.memos = store.count_run_coding_memos(run);
    report.codings = store.delete_run_codings(run);
    store.set_run_undone(run);
    tx->commit();
    return report;
}

}  // namespace qcode::autocode
