#include "core/engine/TrainingCheckpoint.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pal::engine {
namespace {

const QString kFormat = QStringLiteral("palstudio-checkpoint");
constexpr int kFormatVersion = 1;

QStringList stringsOf(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray()) {
        out << x.toString();
    }
    return out;
}

} // namespace

TrainingCheckpoint TrainingCheckpoint::read(const QString& path) {
    const FileBytes bytes(path);
    const QJsonObject o = QJsonDocument::fromJson(bytes.bytes()).object();
    if (o.value(QStringLiteral("format")).toString() != kFormat) {
        throw FormatError(path, QStringLiteral("not a PAL Studio training checkpoint"));
    }
    if (o.value(QStringLiteral("formatVersion")).toInt() > kFormatVersion) {
        throw FormatError(path, QStringLiteral("checkpoint format version %1 is newer than this "
                                               "PAL Studio reads (%2)")
                                    .arg(o.value(QStringLiteral("formatVersion")).toInt())
                                    .arg(kFormatVersion));
    }
    TrainingCheckpoint c;
    c.epoch = o.value(QStringLiteral("epoch")).toInt();
    c.stateFile = o.value(QStringLiteral("state")).toString();
    c.bestFile = o.value(QStringLiteral("best")).toString();
    c.learningRate = o.value(QStringLiteral("learningRate")).toDouble();
    c.bestValidationLoss = o.value(QStringLiteral("bestValidationLoss")).toDouble();
    c.bestEpoch = o.value(QStringLiteral("bestEpoch")).toInt();
    c.plateauBest = o.value(QStringLiteral("plateauBest")).toDouble();
    c.badEpochs = o.value(QStringLiteral("badEpochs")).toInt();
    c.patchSize = o.value(QStringLiteral("patchSize")).toInt();
    c.seed = o.value(QStringLiteral("seed")).toString();
    c.frozenBlocks = o.value(QStringLiteral("frozenBlocks")).toInt(0);
    c.variant = o.value(QStringLiteral("variant")).toString(QStringLiteral("attention"));
    c.trainCases = stringsOf(o.value(QStringLiteral("trainCases")));
    c.validationCases = stringsOf(o.value(QStringLiteral("validationCases")));
    for (const QJsonValue& v : o.value(QStringLiteral("history")).toArray()) {
        const QJsonObject e = v.toObject();
        EpochReport r;
        r.epoch = e.value(QStringLiteral("epoch")).toInt();
        r.trainLoss = e.value(QStringLiteral("trainLoss")).toDouble();
        r.validationLoss = e.value(QStringLiteral("validationLoss")).toDouble();
        r.learningRate = e.value(QStringLiteral("learningRate")).toDouble();
        r.seconds = e.value(QStringLiteral("seconds")).toDouble();
        r.best = e.value(QStringLiteral("best")).toBool();
        r.fromCheckpoint = true;
        if (r.epoch < 0 || r.epoch > c.epoch) {
            throw FormatError(path, QStringLiteral("its history names epoch %1, but it was made "
                                                   "after epoch %2")
                                        .arg(r.epoch)
                                        .arg(c.epoch));
        }
        c.history.push_back(r);
    }
    return c;
}

void TrainingCheckpoint::write(const QString& path) const {
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("formatVersion"), kFormatVersion},
                  {QStringLiteral("epoch"), epoch},
                  {QStringLiteral("state"), stateFile},
                  {QStringLiteral("best"), bestFile},
                  {QStringLiteral("learningRate"), learningRate},
                  {QStringLiteral("bestValidationLoss"), bestValidationLoss},
                  {QStringLiteral("bestEpoch"), bestEpoch},
                  {QStringLiteral("plateauBest"), plateauBest},
                  {QStringLiteral("badEpochs"), badEpochs},
                  {QStringLiteral("patchSize"), patchSize},
                  {QStringLiteral("seed"), seed},
                  {QStringLiteral("frozenBlocks"), frozenBlocks},
                  {QStringLiteral("variant"), variant},
                  {QStringLiteral("trainCases"), QJsonArray::fromStringList(trainCases)},
                  {QStringLiteral("validationCases"), QJsonArray::fromStringList(validationCases)}};
    QJsonArray epochs;
    for (const EpochReport& r : history) {
        epochs.append(QJsonObject{{QStringLiteral("epoch"), r.epoch},
                                  {QStringLiteral("trainLoss"), r.trainLoss},
                                  {QStringLiteral("validationLoss"), r.validationLoss},
                                  {QStringLiteral("learningRate"), r.learningRate},
                                  {QStringLiteral("seconds"), r.seconds},
                                  {QStringLiteral("best"), r.best}});
    }
    o.insert(QStringLiteral("history"), epochs);
    writeFileAtomically(path, QJsonDocument(o).toJson());
}

} // namespace pal::engine
