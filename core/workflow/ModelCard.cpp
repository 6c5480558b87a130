#include "core/workflow/ModelCard.h"

#include "core/io/FileBytes.h"

#include <QJsonArray>

namespace pal {

namespace {

QString fileNameOf(const QString& path) {
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString row(const QString& key, const QString& value) {
    return QStringLiteral("| %1 | %2 |\n").arg(key, value);
}

} // namespace

QString modelCardPath(const QString& bundle) {
    return (bundle.endsWith(QLatin1String(".palnet")) ? bundle.chopped(7) : bundle) +
           QStringLiteral(".md");
}

QString modelCardText(const QString& bundle, const ModelManifest& m,
                      const ModelComparison* comparison) {
    const QJsonObject& p = m.provenance;
    const auto text = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    const auto count = [&p](const char* key) {
        return p.value(QLatin1String(key)).toArray().size();
    };
    QString s = QStringLiteral("# Model card: `%1`\n\n").arg(fileNameOf(bundle));
    if (p.value(QStringLiteral("generatedData")).toBool()) {
        s += QStringLiteral("**Trained on generated data. Not for clinical use.**\n\n");
    }
    s += QStringLiteral("| | |\n|---|---|\n");
    s += row(QStringLiteral("architecture"),
             QStringLiteral("PAL-Net (%1), patch size K = %2, %3 landmarks, %4 weights")
                 .arg(m.variant)
                 .arg(m.patchSize)
                 .arg(m.landmarks)
                 .arg(m.weightsDtype));
    const double lr = p.value(QStringLiteral("learningRate")).toDouble();
    if (p.contains(QStringLiteral("parentModel"))) {
        s += row(QStringLiteral("parent"),
                 QStringLiteral("fine-tuned from `%1` (learning rate %2, %3 frozen block(s))")
                     .arg(text("parentModel"))
                     .arg(lr, 0, 'g', 3)
                     .arg(p.value(QStringLiteral("frozenBlocks")).toInt()));
    } else {
        s +=
            row(QStringLiteral("parent"),
                QStringLiteral("none: trained from scratch (learning rate %1)").arg(lr, 0, 'g', 3));
    }
    s += row(QStringLiteral("training data"),
             QStringLiteral("`%1`, trained on %2: %3 training / %4 validation case(s), %5 "
                            "left out as outliers")
                 .arg(text("trainingData"), text("trainedOn"))
                 .arg(count("trainCases"))
                 .arg(count("validationCases"))
                 .arg(count("outliers")));
    s += row(
        QStringLiteral("made"),
        QStringLiteral("%1 by %2, seed %3").arg(text("created"), text("createdBy"), text("seed")));
    if (m.metrics.contains(QStringLiteral("bestValidationLoss"))) {
        s += row(
            QStringLiteral("training"),
            QStringLiteral("best validation loss %1 at epoch %2 of %3")
                .arg(m.metrics.value(QStringLiteral("bestValidationLoss")).toDouble(), 0, 'f', 3)
                .arg(m.metrics.value(QStringLiteral("bestEpoch")).toInt())
                .arg(m.metrics.value(QStringLiteral("epochsRun")).toInt()));
    }
    if (comparison) {
        s += QStringLiteral("\n## Compared with `%1`\n\n```\n%2\n\n%3```\n")
                 .arg(comparison->referenceName,
                      describeComparison(*comparison,
                                         QStringLiteral("validation case(s), not trained on")),
                      describeLandmarks(*comparison));
    } else {
        s += QStringLiteral("\nNot compared with another model.\n");
    }
    return s;
}

void writeModelCard(const QString& bundle, const ModelComparison* comparison) {
    const ModelManifest m = readModelManifest(bundle);
    writeFileAtomically(modelCardPath(bundle), modelCardText(bundle, m, comparison).toUtf8());
}

} // namespace pal
