#pragma once

// The ordered list of landmark definitions a LandmarkSet follows. The LA-FAS 50 of
// docs/landmarks.md is built in: midline 1-12, right 13-31, left 32-50 (left = right + 19).

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
    int partner = 0; // number of the mirror landmark; 0 on the midline
};

class LandmarkSchema {
public:
    LandmarkSchema(QString id, std::vector<LandmarkDefinition> definitions);

    // The LA-FAS 50, shared by every set that uses it.
    static std::shared_ptr<const LandmarkSchema> lafas50();

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
    // Index of a key as key() writes it; -1 when there is none.
    int indexOfKey(const QString& key) const;
    // The landmark a label in another tool's file names: its key (as key() writes it, or
    // ignoring case), or its number ("7"); -1 when it names none. Surrounding spaces ignored.
    int indexOfLabel(const QString& label) const;

private:
    QString m_id;
    std::vector<LandmarkDefinition> m_defs;
};

QString sideName(Side side);

} // namespace pal
