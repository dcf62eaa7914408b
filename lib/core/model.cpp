#include "core/model.hpp"

namespace qcode {

std::string_view to_string(UnitKind kind) {
    switch (kind) {
        case UnitKind::turn: return "turn";
        case UnitKind::paragraph: return "paragraph";
        case UnitKind::sentence: return "sentence";
    }
    return "?";
}

std::optional<UnitKind> parse_unit_kind(std::string_view s) {
    if (s == "turn") return UnitKind::turn;
    if (s == "paragraph") return UnitKind::paragraph;
    if (s == "sentence") return UnitKind::sentence;
    return std::nullopt;
}

std::string_view to_string(Role role) {
    switch (role) {
        case Role::interviewer: return "interviewer";
        case Role::moderator: return "moderator";
        case Role::respondent: return "respondent";
    }
    return "?";
}

std::optional<Role> parse_role(std::string_view s) {
    if (s == "interviewer") return Role::interviewer;
    if (s == "moderator") return Role::moderator;
    if (s == "respondent") return Role::respondent;
    return std::nullopt;
}

std::string_view to_string(Origin origin) {
    switch (origin) {
        case Origin::manual: return "manual";
        case Origin::automatic: return "auto";
        case Origin::imported: return "import";
    }
    return "?";
}

std::optional<Origin> parse_origin(std::string_view s) {
    if (s == "manual") return Origin::manual;
    if (s == "auto") return Origin::automatic;
    if (s == "import") return Origin::imported;
    return std::nullopt;
}

}  // namespace qcode
