<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Cli</name>
    <message>
        <source>Model bundle (.palnet); default: $PALSTUDIO_MODEL or the installed default model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no --model given and no default model at %1</source>
        <extracomment>%1 is the path where the default model would be</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads for the network (default: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landmarks the files hold: LA-FAS-50 (default), FaceScape-68, or a landmark-schema.json of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--schema takes %1 or a landmark-schema.json file</source>
        <extracomment>%1 lists the built-in schema ids, e.g. LA-FAS-50, FaceScape-68</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a number of at least %2</source>
        <extracomment>%1 is an option name such as --epochs, %2 the smallest number it takes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace OUT when it exists (never IN itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark file to read (.txt LA-FAS, .csv, .mrk.json or .fcsv 3D Slicer, .pp MeshLab, .tps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark file to write (.txt LA-FAS, .csv, .mrk.json, .fcsv, .pp or .tps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert a landmark file; formats are chosen by extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected IN and OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUT is the same file as IN; originals are never overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists; add --force to replace it</source>
        <extracomment>%1 is the OUT file</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MakeHuman model to derive from (default: %1).</source>
        <extracomment>%1 is a file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to write mesh.obj into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derive the demo template head (resources/demo/template) from the MakeHuman model of Debian&apos;s assimp-testmodels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of cases (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template folder (mesh.obj, landmarks.txt); default: %1.</source>
        <extracomment>%1 is a folder path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No holes and no missing ear regions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop subdivision levels of the template head, 0-3 (default 2, about 67,000 vertices; 1 is about 17,000, a coarser scanner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write into DIR even if it is not empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lafas (default): LA-FAS case folders with the 50 landmarks; facescape: FaceScape&apos;s layout, 68 landmarks as vertex indices of shared-topology meshes (a stand-in for FaceScape, which cannot be shipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a demo dataset of LA-FAS cases from the template head. GENERATED data: not scans of real people, not for clinical use. The same seed gives the same bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--subdivisions takes 0 to 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cases takes a number from 1 to 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--layout takes lafas or facescape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a generated dataset; add --force to write into it</source>
        <extracomment>%1 is the --out folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder with ground-truth landmarks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the CSV files and report.html.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a model as the paper reports it: point-wise and distance-wise errors for &apos;closest&apos; and &apos;average&apos; post-processing, against the mean template as a baseline; CSV files and a self-contained HTML report. Cases that cannot be predicted are listed and left out, and the exit code is 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data DIR and --report DIR are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mesh file, case folder, dataset folder or landmark file (.txt, .csv, .mrk.json, .fcsv, .pp, .tps); default: the generated demo dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise a mesh, case, dataset or landmark file: counts, bounding box, units, landmarks present, transform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a PATH (no demo dataset was found either)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: palstudio-cli &lt;command&gt; [options]

Commands:
  info PATH        summary of a mesh, case folder, dataset folder or landmark file
  convert IN OUT   convert landmark files (LA-FAS .txt, .csv), chosen by extension
  predict [--model M] INPUT...  predict landmarks of cases and datasets
  train --data DIR --out M     train or fine-tune (--init M0) a model
  evaluate --model M --data DIR --report DIR   errors, CSV files and an HTML report
  make-demo        generate a demo dataset (generated faces, not for clinical use)
  make-template    derive the demo template head from Debian&apos;s MakeHuman model

Run &apos;palstudio-cli &lt;command&gt; --help&apos; for a command&apos;s options.
Exit codes: 0 success, 1 usage error, 2 bad input, 3 cancelled, 4 internal error.
</source>
        <extracomment>The command names and option names (info, --model, ...) are typed as they are.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>palstudio-cli: unknown command &apos;%1&apos;</source>
        <extracomment>%1 is the command name as typed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;palstudio-cli %1 --help&apos; for usage.</source>
        <extracomment>%1 is a command name such as predict</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <extracomment>%1 is the error message (already in its final form)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <extracomment>Printed when the user stopped the command (Ctrl+C)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <extracomment>%1 is a technical message from the program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-processing: closest, average or none (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write predictions under DIR/&lt;case&gt;/ instead of beside each case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases per forward pass (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case folders, mesh files or dataset folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict the landmarks of cases with a PAL-Net model (its schema&apos;s: the 50 of LA-FAS, FaceScape&apos;s 68, or a lab&apos;s own). Predictions are written beside each case as landmarks.predicted.txt, an LA-FAS file (landmarks.predicted.csv, a CSV file, for a schema other than LA-FAS-50), in the case&apos;s own frame; the case&apos;s landmarks are never touched. A case of another schema than the model&apos;s is refused. A case that cannot be predicted is listed with its reason, the others are still written, and the exit code is 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one INPUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--snap must be closest, average or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--weights must be float32 or float16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--freeze takes 0 to 3: PAL-Net has 3 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--freeze keeps a parent&apos;s weights: it needs --init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out must differ from --init: the original bundle is kept untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder of LA-FAS cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundle to write (.palnet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K, a multiple of 100 (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most epochs (default 200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-fold cross-validation: train F models, M.fold1.palnet ... (default: one 80/20 split).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the split, initialisation and dropout (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune from this bundle (kept untouched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from a checkpoint (M.ckpt.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size (default 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each case is trained on: ground-truth (its landmarks.txt, the default), reviewed (the clinician&apos;s landmarks, cases whose review corrected or confirmed every landmark) or both (the review where it is complete, the ground truth elsewhere).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as --train-on reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting learning rate (default 1e-3 from scratch, 1e-5 with --init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --init: the first N convolution blocks (0-3) and their attention keep the parent&apos;s weights (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case ids to leave out, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight precision in the bundle: float32 or float16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the run, compare the new model with this one on the validation cases (default: the --init model; none when training from scratch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the checkpoint files (M.ckpt.json, M.ckpt.eN.pt, M.best.palnet) when the run ends, to continue it later with more --epochs (default: removed; a cancelled run always keeps them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network trained from scratch: attention (PAL-Net, the default), or an ablation: no-attention, top-k-attention, two-blocks, no-dropout. A fine-tune keeps its parent&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train PAL-Net, or fine-tune a model with --init, as the reference does: seeded 80/20 split, 0.6/0.4 loss, Adam, reduce-on-plateau, early stopping; a checkpoint after every epoch. Ctrl+C stops at the next batch. A fine-tune starts from the parent&apos;s validation loss (epoch 0), keeps only an epoch that beats it, and is then compared with the parent on the validation cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data DIR and --out M are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--train-on must be ground-truth, reviewed or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--reviewed-only contradicts --train-on %1</source>
        <extracomment>%1 is the value given to --train-on</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lr takes a positive number, e.g. 1e-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--variant must be one of %1</source>
        <extracomment>%1 lists the variant names, e.g. attention, no-attention</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--variant chooses the network trained from scratch: a fine-tune (--init) keeps its parent&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the manual is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing Landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Model: none chosen (Model &amp;gt; Choose Model).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL-Net (%1), patch size %2, %3 landmarks, %4 weights&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by %1 on %2 from %3 training and %4 validation case(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; best validation loss %1 at epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be read: %1&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model card: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;PAL Studio %1&lt;/h3&gt;&lt;p&gt;Review, correct and predict facial landmarks on 3D face scans with PAL-Net: the 50 of LA-FAS, the 68 of FaceScape, or a schema of your own.&lt;/p&gt;&lt;p&gt;Qt %2, VTK %3. The PAL-Net engine (LibTorch) is loaded on the first prediction or training.&lt;/p&gt;%4&lt;p&gt;The demo dataset and the default model are generated by this project: they are not measurements of real people and not for clinical use.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About PAL Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Landmarks</name>
    <message>
        <source>right</source>
        <extracomment>the subject&apos;s right side</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <extracomment>the subject&apos;s left side</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>midline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL Studio will show its texts in %1 from the next start.</source>
        <extracomment>%1 is a language&apos;s own name, such as &quot;Italiano&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System (%1)</source>
        <extracomment>%1 is the system&apos;s language, named in that language (e.g. &quot;Italiano&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <source>Move %1</source>
        <extracomment>%1 is a landmark&apos;s key; the text follows Undo/Redo in the Edit menu</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PAL Studio: review 3D facial landmarks on face scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the versions of PAL Studio, Qt, VTK and LibTorch, and the model predictions use, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mesh file or a case folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open PATH, render the window once, save it to PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame the case from this side: front (default), left, right, top or bottom (the subject&apos;s left and right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the landmark labels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::DatasetModel</name>
    <message>
        <source>truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean error (mm) between the working landmarks and the ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
reviewed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::DisplaySettingsDialog</name>
    <message>
        <source>Display Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below 100 %, landmarks behind the surface show through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surface opacity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::JobsWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cancelling...)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::LandmarkTableModel</name>
    <message>
        <source>Show this landmark in the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock: the landmark cannot be dragged or placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::MainWindow</name>
    <message>
        <source>N: next landmark to review. C: confirm. Drag: move on the surface. Ctrl+D: case done. F1: all keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL Studio[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the tips bar (View &gt; Tips Bar brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a mesh, a case folder or a dataset (File menu, or drop it here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot journal unsaved edits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 mm from ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surface at (%1, %2, %3) mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Mesh or Landmarks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder (Case or Dataset)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the review beside the case (palstudio-review.json); your landmark files are not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Landmarks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Landmarks...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the landmarks of a 3D Slicer, MeshLab, TPS, CSV or LA-FAS file on the open case (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Landmark to Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place Selected Landmark by Clicking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the surface once to place the selected landmark there; Escape leaves without placing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click where %1 belongs (Escape: leave without placing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a landmark first, then click where it belongs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Place Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm Selected Landmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Selected Landmark &amp;Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;In Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ext Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Predict This Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict the Whole &amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose Model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to Previous Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train or Fine-tune...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reviewing Landmarks (Manual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PAL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a landmark file: open a case first, then drop it on the window to place its landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict with %1 from now on? It predicts the %2 (patch size %3). The model in use now is %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions now use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening cancelled: the case on screen stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: opening cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meshes (*.obj *.ply *.stl *.off *.gltf *.glb *.dae *.zae *.fbx);;NumPy cases (*.npz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case or dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not opened, the edits of %2 are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved edits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has edits from %2 that were not saved (the program ended before they were). Recover them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered unsaved edits of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n warning(s): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open, but:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] - PAL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (generated demo data, not for clinical use)[*] - PAL Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated demo data&lt;/b&gt; (a synthetic face), not for clinical use. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3/%4 reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, mean error %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved edits. Save the review before going on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the review of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmarks marked missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n landmark(s) are marked missing (%1). An LA-FAS landmarks file holds all 50 positions, so it cannot be written; CSV, 3D Slicer, MeshLab and TPS files can, with the missing ones marked missing. Export in one of those?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;3D Slicer markups (*.mrk.json);;3D Slicer fiducials (*.fcsv);;MeshLab picked points (*.pp);;TPS (*.tps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LA-FAS landmarks (*.txt);;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not exported: %2 marked missing, and an LA-FAS file holds all 50 positions; export as .csv, .mrk.json, .fcsv, .pp or .tps to keep the missing ones missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the case&apos;s own annotation. Replace it with the reviewed landmarks? The original cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1 was kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import landmarks onto %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark files (*.txt *.csv *.mrk.json *.json *.fcsv *.pp *.tps);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n landmark(s) from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not in the file kept as they were</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Labels that name no landmark of %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the case done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n landmark(s) of %1 are not reviewed yet (the first is %2). Mark the case done anyway?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not marked done: %n landmark(s) still to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unreviewed only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the landmarks nobody has confirmed, corrected, placed or marked missing; click a column header to sort (Error: worst first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the cases marked done; click a column header to sort (Mean error: worst first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every landmark is reviewed: mark the case done with Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a landmark in the table first, then click where it belongs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked: unlock it in the landmark table to place it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed %1 (P places again, Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting %1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 predicted the %2, but this case&apos;s review holds %3 landmarks you edited: the prediction was saved beside the case, not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction cancelled after %1 case(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted %1 case(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PAL-Net model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundles (*.palnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to Train On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions now use %1 again (Ctrl+R predicts this case with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: &lt;a href=&quot;models&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions use %1 (click: the models list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Left Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Right Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmark &amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ground Truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Error Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error L&amp;egend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tips Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error Legend &amp;Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top Left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Checkpoint Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (from scratch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3 cases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (epoch %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
PAL-Net (%1), patch size %2, %3 weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Trained on generated data: not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + %1 checkpoint files (a run in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + %1 checkpoint files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
A cancelled run left %1 file(s) beside it (%2): Resume in the training dialog continues it, Remove Checkpoint Files frees the space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s), %1 on disk</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, of which %1 are training checkpoint files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a PAL-Net model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundles (*.palnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Card: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no model card (%2 is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n checkpoint file(s) a cancelled run of %1 left (%2)? The run can then no longer be resumed; %1 itself stays.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pal::ui::PredictionController</name>
    <message>
        <source>A prediction is running: wait for it or cancel it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model to predict with: choose one with Model &gt; Choose Model... (%1 does not exist)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::TrainingDialog</name>
    <message>
        <source>Train or Fine-tune PAL-Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth (each case&apos;s landmarks.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinician&apos;s reviewed landmarks (complete reviews only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both: the review where it is complete, else the ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: train from scratch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s starting learning rate. Fine-tuning needs a much lower one than training from scratch: a high rate throws the parent&apos;s weights off in the first step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of 3 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning: the first convolution blocks (and their attention) keep the parent&apos;s weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> vertices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL-Net (attention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ablation: no attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ablation: top-k attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ablation: two blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ablation: no dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network trained from scratch; a fine-tune keeps its model&apos;s network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float16 (half the size; errors change by about 0.002 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The precision of the weights in the model written. The run&apos;s checkpoint files are removed when it ends; only this bundle stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per landmark, after a run: the model it would replace and the new one, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the run whose checkpoint is &lt;output&gt;.ckpt.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: choose a dataset folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case qualifies: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) qualify</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 from reviews, %2 ground truth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; about 20 % of them are held out for validation and the comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) do not qualify</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n excluded)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot count the cases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to Train On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model to Start From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAL-Net models (*.palnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the Model To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not clearly better than %2, the model it would replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions still use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions now use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running. Cancel it and close? The last checkpoint stays, and Resume continues from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the new model to another file: the model you start from stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch 0/%1: the parent before fine-tuning: training %2, validation %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2: training %3, validation %4, learning rate %5, %6 s%7%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current batch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s checkpoint files were not all removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the run&apos;s checkpoint files (%1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 epoch(s): Resume continues from the checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No epoch beat %1 on the validation cases (its loss %2 before fine-tuning): no model was written, and %1 stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: nothing better than the parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained %1 epoch(s), best %2; comparing with %3 on the validation cases...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run has no validation case to compare on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation case(s), not trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison cancelled: the new model was not compared with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pal::ui::ViewportWidget</name>
    <message>
        <source>%1, ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, ground truth, %2 mm from the prediction</source>
        <extracomment>%1 names the landmark, %2 is a distance in millimetres</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, predicted, %2 mm from ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surface %1, %2, %3 mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
