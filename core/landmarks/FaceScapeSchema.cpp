#include "core/landmarks/LandmarkSchema.h"

// FaceScape's 68 landmarks (docs/landmarks.md, "FaceScape 68"): the 68-point face contour
// layout that FaceScape's neutral meshes carry as vertex indices (landmark_indices.npz). Numbers
// 1-68 in that layout's order; "right" and "left" are the subject's. Keys name the region and
// keep the number (Jaw09, Eye37) so that a file labelled either way maps.

#include <array>

namespace pal {
namespace {

struct FaceScapeDef {
    const char* key;
    const char* name;
    Side side;
    int partner;
    const char* definition;
};

constexpr std::array<FaceScapeDef, 68> kFaceScape68 = {{
    {"Jaw01", "Jaw contour 1", Side::Right, 17,
     "Face contour, point 1 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw02", "Jaw contour 2", Side::Right, 16,
     "Face contour, point 2 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw03", "Jaw contour 3", Side::Right, 15,
     "Face contour, point 3 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw04", "Jaw contour 4", Side::Right, 14,
     "Face contour, point 4 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw05", "Jaw contour 5", Side::Right, 13,
     "Face contour, point 5 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw06", "Jaw contour 6", Side::Right, 12,
     "Face contour, point 6 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw07", "Jaw contour 7", Side::Right, 11,
     "Face contour, point 7 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw08", "Jaw contour 8", Side::Right, 10,
     "Face contour, point 8 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw09", "Menton", Side::Midline, 0,
     "Face contour at the lowest point of the chin (point 9 of 17)"},
    {"Jaw10", "Jaw contour 10", Side::Left, 8,
     "Face contour, point 10 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw11", "Jaw contour 11", Side::Left, 7,
     "Face contour, point 11 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw12", "Jaw contour 12", Side::Left, 6,
     "Face contour, point 12 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw13", "Jaw contour 13", Side::Left, 5,
     "Face contour, point 13 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw14", "Jaw contour 14", Side::Left, 4,
     "Face contour, point 14 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw15", "Jaw contour 15", Side::Left, 3,
     "Face contour, point 15 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw16", "Jaw contour 16", Side::Left, 2,
     "Face contour, point 16 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Jaw17", "Jaw contour 17", Side::Left, 1,
     "Face contour, point 17 of 17, from below the right ear (1) round the chin (9) to below the "
     "left ear (17)"},
    {"Brow18", "Right eyebrow, outer end", Side::Right, 27, "Outer end of the right eyebrow"},
    {"Brow19", "Right eyebrow 2", Side::Right, 26,
     "Upper edge of the right eyebrow, second of five points from its outer end"},
    {"Brow20", "Right eyebrow 3", Side::Right, 25, "Upper edge of the right eyebrow, middle point"},
    {"Brow21", "Right eyebrow 4", Side::Right, 24,
     "Upper edge of the right eyebrow, fourth of five points from its outer end"},
    {"Brow22", "Right eyebrow, inner end", Side::Right, 23, "Inner end of the right eyebrow"},
    {"Brow23", "Left eyebrow, inner end", Side::Left, 22, "Inner end of the left eyebrow"},
    {"Brow24", "Left eyebrow 4", Side::Left, 21,
     "Upper edge of the left eyebrow, fourth of five points from its outer end"},
    {"Brow25", "Left eyebrow 3", Side::Left, 20, "Upper edge of the left eyebrow, middle point"},
    {"Brow26", "Left eyebrow 2", Side::Left, 19,
     "Upper edge of the left eyebrow, second of five points from its outer end"},
    {"Brow27", "Left eyebrow, outer end", Side::Left, 18, "Outer end of the left eyebrow"},
    {"Nose28", "Nasal bridge 1", Side::Midline, 0,
     "Top of the nasal bridge, between the eyes (first of four points down the bridge)"},
    {"Nose29", "Nasal bridge 2", Side::Midline, 0,
     "Nasal bridge, second of four points from its top"},
    {"Nose30", "Nasal bridge 3", Side::Midline, 0,
     "Nasal bridge, third of four points from its top"},
    {"Nose31", "Nose tip", Side::Midline, 0,
     "Tip of the nose (pronasale), the last of the four bridge points"},
    {"Nose32", "Right nose base", Side::Right, 36,
     "Lowest point of the right ala, where it meets the upper lip"},
    {"Nose33", "Right nostril base", Side::Right, 35,
     "Base of the nose between the right ala and subnasale"},
    {"Nose34", "Subnasale", Side::Midline, 0,
     "Base of the nose on the midline, where the columella meets the upper lip"},
    {"Nose35", "Left nostril base", Side::Left, 33,
     "Base of the nose between subnasale and the left ala"},
    {"Nose36", "Left nose base", Side::Left, 32,
     "Lowest point of the left ala, where it meets the upper lip"},
    {"Eye37", "Right eye, outer corner", Side::Right, 46,
     "Outer corner of the right eye (exocanthion)"},
    {"Eye38", "Right upper lid, outer", Side::Right, 45, "Right upper eyelid margin, outer third"},
    {"Eye39", "Right upper lid, inner", Side::Right, 44, "Right upper eyelid margin, inner third"},
    {"Eye40", "Right eye, inner corner", Side::Right, 43,
     "Inner corner of the right eye (endocanthion)"},
    {"Eye41", "Right lower lid, inner", Side::Right, 48, "Right lower eyelid margin, inner third"},
    {"Eye42", "Right lower lid, outer", Side::Right, 47, "Right lower eyelid margin, outer third"},
    {"Eye43", "Left eye, inner corner", Side::Left, 40,
     "Inner corner of the left eye (endocanthion)"},
    {"Eye44", "Left upper lid, inner", Side::Left, 39, "Left upper eyelid margin, inner third"},
    {"Eye45", "Left upper lid, outer", Side::Left, 38, "Left upper eyelid margin, outer third"},
    {"Eye46", "Left eye, outer corner", Side::Left, 37,
     "Outer corner of the left eye (exocanthion)"},
    {"Eye47", "Left lower lid, outer", Side::Left, 42, "Left lower eyelid margin, outer third"},
    {"Eye48", "Left lower lid, inner", Side::Left, 41, "Left lower eyelid margin, inner third"},
    {"Lip49", "Right mouth corner", Side::Right, 55,
     "Right corner of the mouth (cheilion), outer lip contour"},
    {"Lip50", "Upper lip, right outer", Side::Right, 54,
     "Upper lip outer contour between the right corner and the right philtrum crest"},
    {"Lip51", "Right philtrum crest", Side::Right, 53,
     "Peak of the Cupid's bow on the right (crista philtri)"},
    {"Lip52", "Labiale superius", Side::Midline, 0, "Upper lip outer contour on the midline"},
    {"Lip53", "Left philtrum crest", Side::Left, 51,
     "Peak of the Cupid's bow on the left (crista philtri)"},
    {"Lip54", "Upper lip, left outer", Side::Left, 50,
     "Upper lip outer contour between the left philtrum crest and the left corner"},
    {"Lip55", "Left mouth corner", Side::Left, 49,
     "Left corner of the mouth (cheilion), outer lip contour"},
    {"Lip56", "Lower lip, left outer", Side::Left, 60,
     "Lower lip outer contour near the left corner"},
    {"Lip57", "Lower lip, left", Side::Left, 59,
     "Lower lip outer contour between the left corner and the midline"},
    {"Lip58", "Labiale inferius", Side::Midline, 0, "Lower lip outer contour on the midline"},
    {"Lip59", "Lower lip, right", Side::Right, 57,
     "Lower lip outer contour between the midline and the right corner"},
    {"Lip60", "Lower lip, right outer", Side::Right, 56,
     "Lower lip outer contour near the right corner"},
    {"Lip61", "Right inner mouth corner", Side::Right, 65, "Right corner of the inner lip contour"},
    {"Lip62", "Upper inner lip, right", Side::Right, 64,
     "Inner contour of the upper lip, right of the midline"},
    {"Lip63", "Upper inner lip", Side::Midline, 0, "Inner contour of the upper lip on the midline"},
    {"Lip64", "Upper inner lip, left", Side::Left, 62,
     "Inner contour of the upper lip, left of the midline"},
    {"Lip65", "Left inner mouth corner", Side::Left, 61, "Left corner of the inner lip contour"},
    {"Lip66", "Lower inner lip, left", Side::Left, 68,
     "Inner contour of the lower lip, left of the midline"},
    {"Lip67", "Lower inner lip", Side::Midline, 0, "Inner contour of the lower lip on the midline"},
    {"Lip68", "Lower inner lip, right", Side::Right, 66,
     "Inner contour of the lower lip, right of the midline"},
}};

} // namespace

std::shared_ptr<const LandmarkSchema> LandmarkSchema::facescape68() {
    static const std::shared_ptr<const LandmarkSchema> schema = [] {
        std::vector<LandmarkDefinition> defs;
        int n = 1;
        for (const FaceScapeDef& d : kFaceScape68) {
            const QString key = QString::fromLatin1(d.key);
            defs.push_back({n++, QString::fromLatin1(d.name), key, d.side, d.partner, key,
                            QString::fromLatin1(d.definition)});
        }
        return std::make_shared<const LandmarkSchema>(QStringLiteral("FaceScape-68"),
                                                      std::move(defs));
    }();
    return schema;
}

} // namespace pal
