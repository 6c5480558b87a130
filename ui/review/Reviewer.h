#pragma once

// Who is reviewing: the name every edit, audit entry and sign-off records. The name set in
// Case > Reviewer Name (kept in the user's settings), else the login name ($USER, or the
// account's name). A shared workstation account ("lab", "root") says nothing about who signed
// a case off: each reviewer sets their own name.

#include <QString>

namespace pal::ui {

// The login name: $USER, else the account's name; "unknown user" when neither is known.
QString loginName();
// The reviewer's name as set (may be empty).
QString configuredReviewerName();
// The name recorded: configuredReviewerName(), else loginName().
QString reviewerName();
// Sets (trimmed) or, with an empty name, clears the reviewer's name in the settings.
void setReviewerName(const QString& name);

} // namespace pal::ui
