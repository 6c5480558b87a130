// The HTML evaluation report: self-contained, escaped, one bar per landmark, a full heatmap,
// the worst cases in order, the intra-observer comparison, and well-formed markup.
// With PALSTUDIO_REPORT_SAMPLE=PATH set, the sample report is also written to PATH.

#include "core/errors/Error.h"
#include "core/eval/Report.h"
#include "tests/TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <limits>
#include <random>

using namespace pal;

namespace {

// Made-up errors that look like the paper's: about 3.7 mm, worse at the ears and hairline.
// Case k's errors scale with scale[k], so the worst cases are known in advance.
const std::vector<double> kScale = {0.9, 1.6, 0.7, 1.1, 1.9, 0.8, 1.3, 1.0, 0.6, 1.45, 1.2, 0.75};
const QStringList kIds = {QStringLiteral("S01"), QStringLiteral("S02"), QStringLiteral("S03"),
                          QStringLiteral("S04"), QStringLiteral("S05"), QStringLiteral("S06"),
                          QStringLiteral("S07"), QStringLiteral("S08"), QStringLiteral("S09"),
                          QStringLiteral("S10"), QStringLiteral("S11"), QStringLiteral("S12")};

std::vector<EvaluationCase> sampleCases(double factor) {
    const auto schema = LandmarkSchema::lafas50();
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    Eigen::MatrixX3d truth(50, 3);
    for (int i = 0; i < 50; ++i) {
        truth.row(i) = Eigen::RowVector3d(unit(rng) * 70, unit(rng) * 90, unit(rng) * 50);
    }
    // The error sizes are drawn once per landmark and the directions per case: every landmark
    // of case k then errs by the same multiple of kScale[k], so case means order as kScale does.
    std::vector<double> jitter;
    for (int i = 0; i < 50; ++i) {
        jitter.push_back(1.0 + 0.25 * unit(rng));
    }
    std::vector<EvaluationCase> cases;
    for (std::size_t k = 0; k < kScale.size(); ++k) {
        Eigen::MatrixX3d pred = truth;
        for (int i = 0; i < 50; ++i) {
            const QString abbr = schema->at(i).abbreviation;
            double base = 3.0;
            if (QStringList{QStringLiteral("T"), QStringLiteral("Pra"), QStringLiteral("Sa"),
                            QStringLiteral("Pa"), QStringLiteral("Sba")}
                    .contains(abbr)) {
                base = 5.2;
            } else if (abbr == QStringLiteral("Tr") || abbr == QStringLiteral("Chk")) {
                base = 4.4;
            } else if (abbr == QStringLiteral("Sto") || abbr == QStringLiteral("Prn")) {
                base = 2.0;
            }
            Eigen::RowVector3d dir(unit(rng), unit(rng), unit(rng));
            dir.normalize();
            pred.row(i) += dir * base * jitter[static_cast<std::size_t>(i)] * kScale[k] * factor;
        }
        cases.push_back({kIds[static_cast<int>(k)], pred, truth});
    }
    return cases;
}

ReportInput sampleInput() {
    ReportInput in;
    in.title = QStringLiteral("PAL-Net evaluation <demo & test>");
    in.notice = QStringLiteral("Generated data, not for clinical use");
    in.provenance = {QStringLiteral("Model: palnet-demo-k1000 (fold 1 of 5)"),
                     QStringLiteral("Data: demo dataset, 12 generated cases"),
                     QStringLiteral("Split: validation fold, seed 42"),
                     QStringLiteral("free text line without a key")};
    in.variants.push_back(evaluate(sampleCases(1.0), QStringLiteral("closest")));
    in.variants.push_back(evaluate(sampleCases(0.93), QStringLiteral("average")));
    in.worstCases = 5;
    return in;
}

int countOf(const QString& text, const QString& what) {
    return static_cast<int>(text.count(what));
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesSelfContainedReport() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.html"));
        const ReportInput in = sampleInput();
        writeEvaluationReport(path, in);
        QVERIFY(QFile::exists(path));
        const QByteArray bytes = test::readAll(path);
        QCOMPARE(bytes, formatEvaluationReport(in));
        if (const QByteArray sample = qgetenv("PALSTUDIO_REPORT_SAMPLE"); !sample.isEmpty()) {
            test::writeAll(QString::fromLocal8Bit(sample), bytes);
        }
        const QString html = QString::fromUtf8(bytes);

        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("Generated data, not for clinical use")));
        QVERIFY(html.contains(QStringLiteral("PAL-Net evaluation &lt;demo &amp; test&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<demo")));
        QVERIFY(html.contains(QStringLiteral("<th>Model</th><td>palnet-demo-k1000 (fold 1 of 5)"
                                             "</td>")));
        QVERIFY(html.contains(QStringLiteral("free text line without a key")));
        // Nothing from outside the file.
        for (const char* bad :
             {"<script", "http:", "https:", "src=", "href=", "<link", "@import"}) {
            QVERIFY2(!html.contains(QString::fromLatin1(bad), Qt::CaseInsensitive), bad);
        }

        // Two variants: 50 bars and 2,500 heatmap cells each, every <svg> closed.
        QCOMPARE(countOf(html, QStringLiteral("class=\"bar\"")), 100);
        QCOMPARE(countOf(html, QStringLiteral("class=\"cell\"")), 5000);
        QCOMPARE(countOf(html, QStringLiteral("<svg")), 4);
        QCOMPARE(countOf(html, QStringLiteral("</svg>")), 4);
        QCOMPARE(countOf(html, QStringLiteral("class=\"intra\" x1=")), 2); // dashed 2.25 line
        QVERIFY(html.contains(QStringLiteral("stroke-dasharray")));

        // The headline numbers.
        for (const EvaluationResult& r : in.variants) {
            QVERIFY(html.contains(QString::number(r.pointwise, 'f', 3)));
            QVERIFY(html.contains(QString::number(r.distancewise, 'f', 3)));
        }

        // Worst cases by scale: S05 1.9, S02 1.6, S10 1.45, S07 1.3, S11 1.2.
        const qsizetype first = html.indexOf(QStringLiteral("<table class=\"worst\">"));
        const qsizetype end = html.indexOf(QStringLiteral("</table>"), first);
        QVERIFY(first > 0 && end > first);
        const QString worst = html.mid(first, end - first);
        QCOMPARE(countOf(worst, QStringLiteral("class=\"case\"")), 5);
        qsizetype at = 0;
        for (const char* id : {"S05", "S02", "S10", "S07", "S11"}) {
            const qsizetype next =
                worst.indexOf(QStringLiteral("<td class=\"case\">%1</td>").arg(QLatin1String(id)));
            QVERIFY2(next > at, id);
            at = next;
        }

        // The intra-observer comparison: the stated values, and where none is given.
        const qsizetype intra = html.indexOf(QStringLiteral("Comparison with intra-observer"));
        QVERIFY(intra > 0);
        const QString tail = html.mid(intra);
        QVERIFY(tail.contains(QStringLiteral("2.25")));
        QVERIFY(tail.contains(QStringLiteral("about 1.75")));
        QVERIFY(tail.contains(QStringLiteral("about 3.58")));
        QVERIFY(tail.contains(QStringLiteral("2.6–3.6")));
        QVERIFY(tail.contains(QStringLiteral("not given singly")));
        QVERIFY(
            tail.contains(QStringLiteral("no intra-observer value for the other 39 landmarks")));

        // Well-formed: the whole page parses as XML.
        QXmlStreamReader xml(bytes);
        int svgOpen = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("svg")) {
                ++svgOpen;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line ") +
                                             QString::number(xml.lineNumber())));
        QCOMPARE(svgOpen, 4);
    }

    void oneVariantAndMissingData() {
        std::vector<EvaluationCase> cases = sampleCases(1.0);
        for (EvaluationCase& c : cases) {
            c.predicted.row(20).setConstant(std::numeric_limits<double>::quiet_NaN());
        }
        ReportInput in;
        in.title = QStringLiteral("one variant");
        in.variants.push_back(evaluate(cases, QStringLiteral("closest")));
        in.worstCases = 100;
        const QString html = QString::fromUtf8(formatEvaluationReport(in));
        QCOMPARE(countOf(html, QStringLiteral("class=\"bar\"")), 49);
        QCOMPARE(countOf(html, QStringLiteral(">n/a</text>")), 1);
        QCOMPARE(countOf(html, QStringLiteral("class=\"cell\"")), 2500);
        QVERIFY(html.contains(QStringLiteral("no case had both landmarks")));
        QVERIFY(!html.contains(QStringLiteral("class=\"notice\"")));
        QCOMPARE(countOf(html, QStringLiteral("class=\"case\"")), 12);
        QXmlStreamReader xml(html);
        while (!xml.atEnd()) {
            xml.readNext();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void caseIdsAreEscaped() {
        std::vector<EvaluationCase> cases = sampleCases(1.0);
        cases[4].id = QStringLiteral("<b>S05 & \"x\" %1</b>");
        ReportInput in;
        in.variants.push_back(evaluate(cases, QStringLiteral("a<b")));
        const QString html = QString::fromUtf8(formatEvaluationReport(in));
        QVERIFY(html.contains(QStringLiteral(
            "<td class=\"case\">&lt;b&gt;S05 &amp; &quot;x&quot; %1&lt;/b&gt;</td>")));
        QVERIFY(html.contains(QStringLiteral("Post-processing: a&lt;b")));
        QVERIFY(!html.contains(QStringLiteral("<b>")));
    }

    void unwritablePath() {
        QVERIFY_THROWS_EXCEPTION(
            IoError,
            writeEvaluationReport(QStringLiteral("/no/such/folder/report.html"), sampleInput()));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
