#include "core/landmarks/LandmarkSchema.h"

#include <array>

namespace pal {

LandmarkSchema::LandmarkSchema(QString id, std::vector<LandmarkDefinition> definitions)
    : m_id(std::move(id)), m_defs(std::move(definitions)) {}

std::shared_ptr<const LandmarkSchema> LandmarkSchema::lafas50() {
    static const std::shared_ptr<const LandmarkSchema> schema = [] {
        struct Def {
            const char* name;
            const char* abbr;
        };
        static constexpr std::array<Def, 12> midline = {{{"Trichion", "Tr"},
                                                         {"Glabella", "G"},
                                                         {"Nasion", "N"},
                                                         {"Pronasale", "Prn"},
                                                         {"Columella", "C"},
                                                         {"Subnasale", "Sn"},
                                                         {"Labiale superius", "Ls"},
                                                         {"Stomion", "Sto"},
                                                         {"Labiale inferius", "Li"},
                                                         {"Sublabiale", "Sl"},
                                                         {"Pogonion", "Pg"},
                                                         {"Gnathion", "Gn"}}};
        static constexpr std::array<Def, 19> bilateral = {{{"Tragion", "T"},
                                                           {"Preaurale", "Pra"},
                                                           {"Superaurale", "Sa"},
                                                           {"Postaurale", "Pa"},
                                                           {"Subaurale", "Sba"},
                                                           {"Frontotemporale", "Ft"},
                                                           {"Zygion", "Zy"},
                                                           {"Gonion", "Go"},
                                                           {"Supraorbital notch", "Is"},
                                                           {"Exocanthion", "Ex"},
                                                           {"Orbitale", "Or"},
                                                           {"Endocanthion", "En"},
                                                           {"Malar cheek", "Chk"},
                                                           {"Alar crest", "Ac"},
                                                           {"Alare", "Al"},
                                                           {"Inferior nostril terminal", "Itn"},
                                                           {"Superior nostril terminal", "Stn"},
                                                           {"Crista philtri", "Cph"},
                                                           {"Cheilion", "Ch"}}};
        std::vector<LandmarkDefinition> defs;
        int n = 1;
        for (const Def& d : midline) {
            defs.push_back(
                {n++, QString::fromLatin1(d.name), QString::fromLatin1(d.abbr), Side::Midline, 0});
        }
        for (Side side : {Side::Right, Side::Left}) {
            for (const Def& d : bilateral) {
                const int partner = side == Side::Right ? n + 19 : n - 19;
                defs.push_back(
                    {n++, QString::fromLatin1(d.name), QString::fromLatin1(d.abbr), side, partner});
            }
        }
        return std::make_shared<const LandmarkSchema>(QStringLiteral("LA-FAS-50"), std::move(defs));
    }();
    return schema;
}

int LandmarkSchema::indexOfNumber(int number) const {
    for (int i = 0; i < size(); ++i) {
        if (m_defs[static_cast<std::size_t>(i)].number == number) {
            return i;
        }
    }
    return -1;
}

QString LandmarkSchema::key(int index) const {
    const LandmarkDefinition& d = at(index);
    switch (d.side) {
    case Side::Right:
        return d.abbreviation + QStringLiteral("_R");
    case Side::Left:
        return d.abbreviation + QStringLiteral("_L");
    case Side::Midline:
        break;
    }
    return d.abbreviation;
}

QStringList LandmarkSchema::keys() const {
    QStringList out;
    for (int i = 0; i < size(); ++i) {
        out << key(i);
    }
    return out;
}

int LandmarkSchema::indexOfKey(const QString& k) const {
    for (int i = 0; i < size(); ++i) {
        if (key(i) == k) {
            return i;
        }
    }
    return -1;
}

int LandmarkSchema::indexOfLabel(const QString& label) const {
    const QString l = label.trimmed();
    if (const int exact = indexOfKey(l); exact >= 0) {
        return exact;
    }
    for (int i = 0; i < size(); ++i) {
        if (key(i).compare(l, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    bool isNumber = false;
    const int number = l.toInt(&isNumber);
    return isNumber ? indexOfNumber(number) : -1;
}

QString sideName(Side side) {
    switch (side) {
    case Side::Right:
        return QStringLiteral("right");
    case Side::Left:
        return QStringLiteral("left");
    case Side::Midline:
        break;
    }
    return QStringLiteral("midline");
}

} // namespace pal
