#include "export/workbook.hpp"

#include <set>

#include "analysis/cooccurrence.hpp"
#include "analysis/frequency.hpp"
#include "analysis/listings.hpp"
#include "analysis/matrix.hpp"
#include "codebook/codebook_table.hpp"
#include "codebook/project.hpp"
#include "coding/memos.hpp"

namespace qcode::exports {

WorkbookSheets workbook_sheets(store::Store& store, const WorkbookOptions& options) {
    WorkbookSheets out;
    auto add = [&](Table t, std::string title, XlsxSheetStyle style = {}) {
        t.title = std::move(title);
        out.sheets.push_back(std::move(t));
        out.styles.push_back(std::move(style));
    };

    const auto book = codebook::load_installed(store);
    add(codebook::codebook_table(store, book ? *book : codebook::Codebook{}), "Codebook");

    add(analysis::frequency_table(store, options.filter, options.selection), "Frequencies");
    std::set<std::string> attributes;
    for (const auto& a : analysis::attribute_columns(store, {})) {
        if (!attributes.insert(a.attribute).second) continue;
        analysis::FrequencyOptions f;
        f.selection = options.selection;
        f.by = analysis::GroupBy{analysis::GroupKind::attribute, a.attribute};
        add(analysis::frequencies(store, options.filter, f), "Frequencies by " + a.attribute);
    }

    analysis::CoocOptions cooc;
    cooc.selection = options.selection;
    add(analysis::cooccurrence_table(store, options.filter, cooc), "Co-occurrence",
        XlsxSheetStyle{.color_scale = true, .color_scale_skip = {"n"}});

    analysis::MatrixOptions matrix;
    matrix.selection = options.selection;
    add(analysis::matrix_table(store, options.filter, matrix), "Code×Document",
        XlsxSheetStyle{.color_scale = true, .color_scale_skip = {"total"}, .color_scale_footer_rows = 1});

    add(analysis::codings_table(store, options.filter, options.selection), "Segments");
    add(analysis::documents_table(store, options.filter), "Documents");
    // Memos are part of the analysis a team hands on (MAXQDA and NVivo export
    // them with the codings); the sheet is there, with its header, even when
    // nobody wrote one yet, so a template built on the workbook keeps working.
    add(coding::memo_table(coding::list_memos(store)), "Memos");
    return out;
}

void write_workbook(store::Store& store, const std::string& path, const WorkbookOptions& options) {
    const auto wb = workbook_sheets(store, options);
    write_xlsx(wb.sheets, path, wb.styles);
}

}  // namespace qcode::exports
