#include "core/landmarks/LandmarkSchema.h"

#include <QCoreApplication>

#include <array>
#include <limits>

namespace pal {

LandmarkSchema::LandmarkSchema(QString id, std::vector<LandmarkDefinition> definitions)
    : m_id(std::move(id)), m_defs(std::move(definitions)) {}

std::shared_ptr<const LandmarkSchema> LandmarkSchema::lafas50() {
    static const std::shared_ptr<const LandmarkSchema> schema = [] {
        struct Def {
            const char* name;
            const char* abbr;
            const char* where;
        };
        static constexpr std::array<Def, 12> midline = {
            {{"Trichion", "Tr", "on the midline of the forehead where the hairline starts"},
             {"Glabella", "G", "the most forward point between the eyebrows"},
             {"Nasion", "N", "the deepest point of the dip between forehead and nasal bridge"},
             {"Pronasale", "Prn", "the tip of the nose, its most forward point"},
             {"Columella", "C", "halfway along the columella ridge, from nasal tip to subnasale"},
             {"Subnasale", "Sn", "the junction of the columella's underside with the upper lip"},
             {"Labiale superius", "Ls", "the middle of the upper lip's vermilion border"},
             {"Stomion", "Sto", "the middle of the mouth slit, where upper and lower lip meet"},
             {"Labiale inferius", "Li", "the middle of the lower lip's vermilion border"},
             {"Sublabiale", "Sl", "the deepest point of the groove between lower lip and chin"},
             {"Pogonion", "Pg", "the most forward point of the chin"},
             {"Gnathion", "Gn", "the lowest point of the chin's front, where it turns under"}}};
        static constexpr std::array<Def, 19> bilateral = {
            {{"Tragion", "T", "the notch just above the tragus, in front of the ear canal"},
             {"Preaurale", "Pra",
              "the most forward point of the ear, where it attaches to the head"},
             {"Superaurale", "Sa", "the top of the ear's free rim"},
             {"Postaurale", "Pa", "the rearmost point of the ear's free rim"},
             {"Subaurale", "Sba", "the bottom of the earlobe"},
             {"Frontotemporale", "Ft",
              "on the forehead above the tail of the eyebrow, where the ridge bounding the temple "
              "comes closest to the midline"},
             {"Zygion", "Zy",
              "the point of the cheekbone's arch (zygomatic arch) lying farthest out to the side"},
             {"Gonion", "Go",
              "the outermost point of the jaw's corner, where the lower edge of the mandible turns "
              "up toward the ear"},
             {"Supraorbital notch", "Is",
              "straight above the pupil, on the bony upper edge of the eye socket"},
             {"Exocanthion", "Ex",
              "the lateral angle of the eye opening, where upper and lower lid join"},
             {"Orbitale", "Or", "the bottom of the eye socket's lower margin"},
             {"Endocanthion", "En",
              "the medial angle of the eye opening, beside the nose, where the lids join"},
             {"Malar cheek", "Chk",
              "the summit of the cheek's bulge below the eye, the point that stands out most"},
             {"Alar crest", "Ac",
              "the rearmost point of the fold where the nasal wing joins the cheek"},
             {"Alare", "Al", "the point of the nostril wing that sticks out farthest to the side"},
             {"Inferior nostril terminal", "Itn",
              "the bottom of the nostril's edge at the end nearer the columella"},
             {"Superior nostril terminal", "Stn",
              "the top of the nostril opening, as high as it reaches"},
             {"Crista philtri", "Cph",
              "on the upper lip's red margin, at the foot of the philtrum column on that side"},
             {"Cheilion", "Ch", "where the upper and lower lips join at the side of the mouth"}}};
        std::vector<LandmarkDefinition> defs;
        int n = 1;
        for (const Def& d : midline) {
            defs.push_back({n++, QString::fromLatin1(d.name), QString::fromLatin1(d.abbr),
                            Side::Midline, 0, QString(), QString::fromLatin1(d.where)});
        }
        for (Side side : {Side::Right, Side::Left}) {
            for (const Def& d : bilateral) {
                const int partner = side == Side::Right ? n + 19 : n - 19;
                defs.push_back({n++, QString::fromLatin1(d.name), QString::fromLatin1(d.abbr), side,
                                partner, QString(), QString::fromLatin1(d.where)});
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
    if (!d.key.isEmpty()) {
        return d.key;
    }
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

bool LandmarkSchema::sameLandmarks(const LandmarkSchema& other) const {
    return this == &other || (m_id == other.m_id && keys() == other.keys());
}

QString LandmarkSchema::describe() const {
    return QStringLiteral("%1 (%2 landmarks)").arg(m_id).arg(size());
}

std::shared_ptr<const LandmarkSchema> LandmarkSchema::builtIn(const QString& id) {
    for (const auto& s : {lafas50(), facescape68()}) {
        if (s->id() == id) {
            return s;
        }
    }
    return nullptr;
}

QStringList LandmarkSchema::builtInIds() {
    return {lafas50()->id(), facescape68()->id()};
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

QString sideTitle(Side side) {
    switch (side) {
    case Side::Right:
        //: the subject's right side
        return QCoreApplication::translate("Landmarks", "right");
    case Side::Left:
        //: the subject's left side
        return QCoreApplication::translate("Landmarks", "left");
    case Side::Midline:
        break;
    }
    return QCoreApplication::translate("Landmarks", "midline");
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

double repeatabilityOf(const LandmarkSchema& schema, int index) {
    if (index < 0 || index >= schema.size()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const LandmarkDefinition& d = schema.at(index);
    if (d.repeatabilityMm > 0) {
        return d.repeatabilityMm;
    }
    if (!schema.sameLandmarks(*LandmarkSchema::lafas50())) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const QString key = schema.key(index);
    if (key == QLatin1String("Sto")) {
        return 1.75;
    }
    if (key == QLatin1String("Pra_L")) {
        return 3.58;
    }
    for (const char* hard : {"Pra", "Sa", "Pa", "Sba", "Chk"}) {
        if (d.abbreviation == QLatin1String(hard)) {
            return 3.1;
        }
    }
    return 2.25;
}

} // namespace pal
