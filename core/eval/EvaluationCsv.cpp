#include "core/eval/EvaluationCsv.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NumberText.h"

#include <QDir>

#include <cmath>
#include <set>

namespace pal {
namespace {

QByteArray csvField(const QString& s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'))) {
        QString e = s;
        e.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QStringLiteral("\"%1\"").arg(e).toUtf8();
    }
    return s.toUtf8();
}

QByteArray csvNumber(double v) {
    if (!std::isfinite(v)) {
        return {};
    }
    return shortestNumber(v);
}

} // namespace

QByteArray formatPerLandmarkCsv(const EvaluationResult& r) {
    QByteArray out = "number,key,name,mean_mm,std_mm,n\n";
    for (int i = 0; i < r.landmarkCountTotal(); ++i) {
        const LandmarkDefinition& d = r.schema->at(i);
        out += QByteArray::number(d.number) + ',' + csvField(r.schema->key(i)) + ',' +
               csvField(d.name) + ',' + csvNumber(r.landmarkMean[i]) + ',' +
               csvNumber(r.landmarkStd[i]) + ',' + QByteArray::number(r.landmarkCount[i]) + '\n';
    }
    return out;
}

QByteArray formatPerCaseCsv(const EvaluationResult& r) {
    QByteArray out = "case,mean_mm\n";
    for (int k = 0; k < r.caseCount(); ++k) {
        out += csvField(r.caseIds.at(k)) + ',' + csvNumber(r.caseMean[k]) + '\n';
    }
    return out;
}

QByteArray formatPairwiseCsv(const EvaluationResult& r) {
    const int L = r.landmarkCountTotal();
    QByteArray out;
    for (int b = 0; b < L; ++b) {
        out += ',' + csvField(r.schema->key(b));
    }
    out += '\n';
    for (int a = 0; a < L; ++a) {
        out += csvField(r.schema->key(a));
        for (int b = 0; b < L; ++b) {
            out += ',' + csvNumber(r.pairwise(a, b));
        }
        out += '\n';
    }
    return out;
}

QByteArray formatSummaryCsv(const std::vector<EvaluationResult>& results) {
    QByteArray out = "variant,pointwise_mm,distancewise_mm,cases\n";
    for (const EvaluationResult& r : results) {
        out += csvField(r.variant) + ',' + csvNumber(r.pointwise) + ',' +
               csvNumber(r.distancewise) + ',' + QByteArray::number(r.caseCount()) + '\n';
    }
    return out;
}

QString variantFilePrefix(const QString& variant) {
    QString p = variant.toLower();
    for (QChar& c : p) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                        c == QLatin1Char('_');
        if (!ok) {
            c = QLatin1Char('_');
        }
    }
    return p.isEmpty() ? QStringLiteral("variant") : p;
}

QStringList writeEvaluationCsv(const QString& dir, const std::vector<EvaluationResult>& results) {
    std::set<QString> prefixes;
    for (const EvaluationResult& r : results) {
        if (!prefixes.insert(variantFilePrefix(r.variant)).second) {
            throw ValidationError(dir, QStringLiteral("two evaluation variants write files named "
                                                      "\"%1_*.csv\"")
                                           .arg(variantFilePrefix(r.variant)));
        }
    }
    const QDir d(dir);
    QStringList written;
    const auto write = [&](const QString& name, const QByteArray& data) {
        const QString path = d.filePath(name);
        writeFileAtomically(path, data);
        written << path;
    };
    for (const EvaluationResult& r : results) {
        const QString p = variantFilePrefix(r.variant);
        write(p + QStringLiteral("_per_landmark.csv"), formatPerLandmarkCsv(r));
        write(p + QStringLiteral("_per_case.csv"), formatPerCaseCsv(r));
        write(p + QStringLiteral("_pairwise.csv"), formatPairwiseCsv(r));
        write(p + QStringLiteral("_summary.csv"), formatSummaryCsv({r}));
    }
    write(QStringLiteral("summary.csv"), formatSummaryCsv(results));
    return written;
}

} // namespace pal
