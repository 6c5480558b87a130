#include "app/cli/Cli.h"
#include "app/cli/CommandParser.h"
#include "core/dataset/Dataset.h"
#include "core/demo/Resources.h"
#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/errors/Error.h"
#include "core/eval/EvaluationCsv.h"
#include "core/eval/Metrics.h"
#include "core/eval/Report.h"
#include "core/geometry/Transform.h"

#include <QDir>
#include <QFileInfo>

#include <Eigen/LU>

namespace pal::cli {

int runEvaluate(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model bundle (.palnet)."), QStringLiteral("M"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Dataset folder with ground-truth landmarks."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption report(QStringLiteral("report"),
                                    QStringLiteral("Folder for the CSV files and report.html."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads (default: all)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({model, data, report, threads});
    if (!parseCommand(
            parser, args, io,
            QStringLiteral(
                "Evaluate a model as the paper reports it: point-wise and distance-wise errors "
                "for 'closest' and 'average' post-processing, against the mean template as a "
                "baseline; CSV files and a self-contained HTML report."))) {
        return Success;
    }
    if (!parser.isSet(model) || !parser.isSet(data) || !parser.isSet(report)) {
        throw UsageProblem{QStringLiteral("--model M, --data DIR and --report DIR are required")};
    }
    engine::initializeRuntime(parser.value(threads).toInt());
    const Dataset ds = Dataset::open(parser.value(data));
    std::vector<Case> cases;
    for (const Case& c : ds.cases()) {
        if (c.hasLandmarks()) {
            cases.push_back(c);
        }
    }
    if (cases.empty()) {
        throw ValidationError(
            parser.value(data),
            QStringLiteral("no case has ground-truth landmarks to evaluate against"));
    }
    std::vector<EvaluationResult> results;
    const ModelBundle probe{readModelManifest(parser.value(model)), {}};
    for (const SnapMode mode : {SnapMode::Closest, SnapMode::Average}) {
        engine::PredictorOptions o;
        o.snap = mode;
        const engine::Predictor predictor = engine::Predictor::fromBundle(parser.value(model), o);
        std::vector<EvaluationCase> evaluated;
        predictor.predictAll(cases, [&](int done, int total, const engine::Prediction& p) {
            const auto it = std::find_if(cases.begin(), cases.end(), [&](const Case& c) {
                return c.files().folder == p.caseFolder;
            });
            evaluated.push_back(
                {p.caseId, p.landmarks.positions(), it->readLandmarks().landmarks.positions()});
            io.err << "\r" << snapModeName(mode) << ": " << done << "/" << total << Qt::flush;
            return true;
        });
        io.err << "\n";
        results.push_back(evaluate(evaluated, snapModeName(mode)));
    }
    // The baseline: the model's mean template, placed in each case's frame.
    std::vector<EvaluationCase> baseline;
    for (const Case& c : cases) {
        const Eigen::Matrix4d back = c.readTransform().inverse();
        Eigen::MatrixX3d t = probe.manifest.templateLandmarks;
        for (Eigen::Index i = 0; i < t.rows(); ++i) {
            t.row(i) = transformPoint(back, t.row(i).transpose()).transpose();
        }
        baseline.push_back({c.id(), t, c.readLandmarks().landmarks.positions()});
    }
    results.push_back(evaluate(baseline, QStringLiteral("template (baseline)")));

    const QString dir = parser.value(report);
    QDir().mkpath(dir);
    writeEvaluationCsv(dir, results);
    ReportInput input;
    input.title = QStringLiteral("PAL-Net evaluation: %1 on %2")
                      .arg(QFileInfo(parser.value(model)).fileName(),
                           QFileInfo(parser.value(data)).fileName());
    const bool generated =
        !demo::generatedDataNotice(parser.value(data)).isEmpty() ||
        probe.manifest.provenance.value(QStringLiteral("generatedData")).toBool();
    if (generated) {
        input.notice = QStringLiteral(
            "Generated data, not for clinical use: the faces are synthetic and the model "
            "was trained on generated data.");
    }
    input.provenance
        << QStringLiteral("Model: %1").arg(QFileInfo(parser.value(model)).absoluteFilePath())
        << QStringLiteral("Patch size: %1").arg(probe.manifest.patchSize)
        << QStringLiteral("Weights sha256: %1").arg(probe.manifest.weightsSha256)
        << QStringLiteral("Data: %1 (%2 cases with ground truth)")
               .arg(QFileInfo(parser.value(data)).absoluteFilePath())
               .arg(cases.size());
    input.variants = results;
    writeEvaluationReport(QDir(dir).filePath(QStringLiteral("report.html")), input);
    for (const EvaluationResult& r : results) {
        io.out << QStringLiteral("%1: point-wise %2 mm, distance-wise %3 mm\n")
                      .arg(r.variant, -20)
                      .arg(r.pointwise, 0, 'f', 3)
                      .arg(r.distancewise, 0, 'f', 3);
    }
    io.out << "report: " << QDir(dir).filePath(QStringLiteral("report.html")) << "\n";
    return Success;
}

} // namespace pal::cli
