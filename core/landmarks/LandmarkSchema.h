#pragma once

// The ordered list of landmark definitions a LandmarkSet follows. Two schemas are built in
// (docs/landmarks.md): the LA-FAS 50 (midline 1-12, right 13-31, left 32-50, left = right + 19)
// and FaceScape's 68 (the 68-point face contour layout, given in FaceScape as vertex indices).
// Any other is data: a small JSON file (core/landmarks/SchemaFile.h).

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace pal {

enum class Side { Midline, Right, Left };

struct LandmarkDefinition {
    int number = 0;       // 1-based number in the schema's canonical order
    QString name;         // "Pronasale"
    QString abbreviation; // "Prn" (the same for both sides of a pair)
    Side side = Side::Midline;
    int partner = 0;    // number of the mirror landmark; 0 on the midline
    QString key;        // unique key; empty: derived (abbreviation, plus _R or _L on the sides)
    QString definition; // where it sits, in words; may be empty
    // How far apart two placements of it by the same person typically are, in mm (intra-
    // observer repeatability); 0 when the schema does not say (repeatabilityOf).
    double repeatabilityMm = 0;
};

class LandmarkSchema {
public:
    LandmarkSchema(QString id, std::vector<LandmarkDefinition> definitions);

    // The LA-FAS 50, shared by every set that uses it.
    static std::shared_ptr<const LandmarkSchema> lafas50();
    // FaceScape's 68 (docs/landmarks.md, "FaceScape 68").
    static std::shared_ptr<const LandmarkSchema> facescape68();
    // The built-in schema with this id ("LA-FAS-50", "FaceScape-68"); nullptr for any other.
    static std::shared_ptr<const LandmarkSchema> builtIn(const QString& id);
    // The ids of the built-in schemas.
    static QStringList builtInIds();

    const QString& id() const { return m_id; }
    int size() const { return static_cast<int>(m_defs.size()); }
    const LandmarkDefinition& at(int index) const {
        return m_defs.at(static_cast<std::size_t>(index));
    }
    const std::vector<LandmarkDefinition>& definitions() const { return m_defs; }

    // Index (0-based) of the landmark with this number; -1 when there is none.
    int indexOfNumber(int number) const;
    // "Prn" on the midline, "Ex_R" / "Ex_L" for a bilateral landmark: unique within the schema.
    QString key(int index) const;
    // key(i) for every landmark, in schema order.
    QStringList keys() const;
    // The same landmarks in the same order under the same keys (names and definitions may
    // differ): what a model trained on one can predict for the other.
    bool sameLandmarks(const LandmarkSchema& other) const;
    // "LA-FAS-50 (50 landmarks)"
    QString describe() const;
    // Index of a key as key() writes it; -1 when there is none.
    int indexOfKey(const QString& key) const;
    // The landmark a label in another tool's file names: its key (as key() writes it, or
    // ignoring case), or its number ("7"); -1 when it names none. Surrounding spaces ignored.
    int indexOfLabel(const QString& label) const;

private:
    QString m_id;
    std::vector<LandmarkDefinition> m_defs;
};

using SchemaPtr = std::shared_ptr<const LandmarkSchema>;

// A landmark's repeatability in mm: the schema's own figure; for the LA-FAS 50 without one,
// the intra-observer figures published with the PAL-Net reference (docs/landmarks.md,
// "Repeatability": Sto 1.75, Pra_L 3.58, the other ear landmarks and the malar cheek 3.1, the
// middle of their 2.6-3.6 range, every other 2.25, the mean); NaN when unknown.
double repeatabilityOf(const LandmarkSchema& schema, int index);

QString sideName(Side side);
// The side as the window shows it: sideName in the user's language (core/i18n).
QString sideTitle(Side side);

} // namespace pal
