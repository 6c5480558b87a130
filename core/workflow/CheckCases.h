#pragma once

// Checking the landmarks of cases (core/checks/LandmarkChecks.h) as `palstudio-cli check` and
// the review window do: a case's ground truth, its saved prediction (landmarks.predicted.txt)
// and its review (the sidecar's working set), each on its own, against the case's mesh for the
// off-surface check. Never throws for one bad case: its error comes back as text.

#include "core/checks/LandmarkChecks.h"
#include "core/dataset/Case.h"

#include <QString>

#include <vector>

namespace pal {

// Which of a case's landmark sets to check (flags).
enum CheckedSet : int { CheckTruth = 1, CheckPrediction = 2, CheckReview = 4, CheckAllSets = 7 };

// "truth", "prediction", "review": the names the command line prints and takes.
QString checkedSetName(CheckedSet set);

struct SetCheck {
    CheckedSet set = CheckTruth;
    SchemaPtr schema; // the set's (a bare mesh's prediction may follow another than LA-FAS)
    int present = 0;
    bool framed = true; // false: too few landmarks for the face's frame (only off-surface ran)
    std::vector<CheckFinding> findings;
};

struct CaseCheck {
    QString caseId;
    std::vector<SetCheck> sets; // those the case has, in the order truth, prediction, review
    QString error;              // "FILE: problem" when something could not be read
};

struct CaseCheckOptions {
    int sets = CheckAllSets;
    bool surface = true; // read the mesh and run the off-surface check
    CheckLimits limits;
};

CaseCheck checkCase(const Case& c, const CaseCheckOptions& options = {});

} // namespace pal
