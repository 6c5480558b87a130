<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Audit</name>
    <message>
        <source>moved %1 by %2 mm</source>
        <extracomment>%1 a landmark&apos;s key, %2 a distance in millimetres</extracomment>
        <translation>%1 spostato di %2 mm</translation>
    </message>
    <message>
        <source>placed %1</source>
        <translation>%1 posizionato</translation>
    </message>
    <message>
        <source>removed %1</source>
        <extracomment>an undone placement: the landmark is missing again</extracomment>
        <translation>%1 rimosso</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3</source>
        <extracomment>%1 a landmark&apos;s key, %2 and %3 statuses such as &quot;predicted&quot;, &quot;confirmed&quot;</extracomment>
        <translation>%1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>case review: %1</source>
        <extracomment>%1 the review states before and after, e.g. &quot;unreviewed -&gt; in review&quot;</extracomment>
        <translation>revisione del caso: %1</translation>
    </message>
    <message>
        <source>signed off the case (%1)</source>
        <translation>caso firmato come completato (%1)</translation>
    </message>
    <message>
        <source>new prediction by %1</source>
        <extracomment>%1 a model&apos;s name</extracomment>
        <translation>nuova predizione di %1</translation>
    </message>
    <message>
        <source>imported landmarks from %1</source>
        <extracomment>%1 a file name</extracomment>
        <translation>landmark importati da %1</translation>
    </message>
    <message>
        <source>(was from %1)</source>
        <extracomment>%1 what placed the landmark before: a model&apos;s name, &quot;manual&quot; or a file</extracomment>
        <translation>(prima da %1)</translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation>annullato: %1</translation>
    </message>
    <message>
        <source>redo: %1</source>
        <translation>ripetuto: %1</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>%1 and %2 are swapped (%1 lies %3 mm right of the mid-sagittal plane)</source>
        <translation>%1 e %2 sono scambiati (%1 si trova %3 mm a destra del piano mediosagittale)</translation>
    </message>
    <message>
        <source>%1 lies %2 mm right of the mid-sagittal plane, on the wrong side</source>
        <translation>%1 si trova %2 mm a destra del piano mediosagittale, dal lato sbagliato</translation>
    </message>
    <message>
        <source>%1 lies %2 mm left of the mid-sagittal plane, on the wrong side</source>
        <translation>%1 si trova %2 mm a sinistra del piano mediosagittale, dal lato sbagliato</translation>
    </message>
    <message>
        <source>%1 lies %2 mm above %3 (expected below it on the midline)</source>
        <translation>%1 si trova %2 mm sopra %3 (atteso sotto di esso sulla linea mediana)</translation>
    </message>
    <message>
        <source>%1 lies %2 mm ahead of %3 (the nose tip is foremost)</source>
        <translation>%1 si trova %2 mm davanti a %3 (la punta del naso è il punto più anteriore)</translation>
    </message>
    <message>
        <source>%1 lies %2 mm farther from the midline than %3 (eye corners)</source>
        <translation>%1 si trova %2 mm più lontano dalla linea mediana di %3 (angoli dell&apos;occhio)</translation>
    </message>
    <message>
        <source>%1 lies %2 mm nearer the midline than %3 (mouth corner)</source>
        <translation>%1 si trova %2 mm più vicino alla linea mediana di %3 (angolo della bocca)</translation>
    </message>
    <message>
        <source>%1 mirrored through the mid-sagittal plane lands %2 mm from %3</source>
        <translation>%1 riflesso nel piano mediosagittale cade a %2 mm da %3</translation>
    </message>
    <message>
        <source>%1 lies %2 mm off the surface</source>
        <translation>%1 si trova a %2 mm dalla superficie</translation>
    </message>
    <message>
        <source>swapped</source>
        <translation>scambiati</translation>
    </message>
    <message>
        <source>wrong side</source>
        <translation>lato sbagliato</translation>
    </message>
    <message>
        <source>midline order</source>
        <translation>ordine mediano</translation>
    </message>
    <message>
        <source>nose tip</source>
        <translation>punta del naso</translation>
    </message>
    <message>
        <source>eye corners</source>
        <translation>angoli dell&apos;occhio</translation>
    </message>
    <message>
        <source>mouth corners</source>
        <translation>angoli della bocca</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asimmetrico</translation>
    </message>
    <message>
        <source>off surface</source>
        <translation>fuori superficie</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Model bundle (.palnet); default: $PALSTUDIO_MODEL or the installed default model.</source>
        <translation>Pacchetto del modello (.palnet); predefinito: $PALSTUDIO_MODEL o il modello predefinito installato.</translation>
    </message>
    <message>
        <source>no --model given and no default model at %1</source>
        <extracomment>%1 is the path where the default model would be</extracomment>
        <translation>nessun --model indicato e nessun modello predefinito in %1</translation>
    </message>
    <message>
        <source>CPU threads for the network (default: all).</source>
        <translation>Thread della CPU per la rete (predefinito: tutti).</translation>
    </message>
    <message>
        <source>The landmarks the files hold: LA-FAS-50 (default), FaceScape-68, or a landmark-schema.json of your own.</source>
        <translation>I landmark contenuti nei file: LA-FAS-50 (predefinito), FaceScape-68 o un tuo landmark-schema.json.</translation>
    </message>
    <message>
        <source>--schema takes %1 or a landmark-schema.json file</source>
        <extracomment>%1 lists the built-in schema ids, e.g. LA-FAS-50, FaceScape-68</extracomment>
        <translation>--schema accetta %1 o un file landmark-schema.json</translation>
    </message>
    <message>
        <source>%1 takes a number of at least %2</source>
        <extracomment>%1 is an option name such as --epochs, %2 the smallest number it takes</extracomment>
        <translation>%1 accetta un numero non inferiore a %2</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostra questo aiuto.</translation>
    </message>
    <message>
        <source>Replace OUT when it exists (never IN itself).</source>
        <translation>Sostituisce OUT se esiste (mai IN stesso).</translation>
    </message>
    <message>
        <source>Landmark file to read (.txt LA-FAS, .csv, .mrk.json or .fcsv 3D Slicer, .pp MeshLab, .tps).</source>
        <translation>File di landmark da leggere (.txt LA-FAS, .csv, .mrk.json o .fcsv 3D Slicer, .pp MeshLab, .tps).</translation>
    </message>
    <message>
        <source>Landmark file to write (.txt LA-FAS, .csv, .mrk.json, .fcsv, .pp or .tps).</source>
        <translation>File di landmark da scrivere (.txt LA-FAS, .csv, .mrk.json, .fcsv, .pp o .tps).</translation>
    </message>
    <message>
        <source>Convert a landmark file; formats are chosen by extension.</source>
        <translation>Converte un file di landmark; i formati sono scelti in base all&apos;estensione.</translation>
    </message>
    <message>
        <source>expected IN and OUT</source>
        <translation>attesi IN e OUT</translation>
    </message>
    <message>
        <source>OUT is the same file as IN; originals are never overwritten</source>
        <translation>OUT è lo stesso file di IN; gli originali non vengono mai sovrascritti</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists; add --force to replace it</source>
        <extracomment>%1 is the OUT file</extracomment>
        <translation>&apos;%1&apos; esiste; aggiungi --force per sostituirlo</translation>
    </message>
    <message>
        <source>MakeHuman model to derive from (default: %1).</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Modello MakeHuman da cui derivare (predefinito: %1).</translation>
    </message>
    <message>
        <source>Folder to write mesh.obj into.</source>
        <translation>Cartella in cui scrivere mesh.obj.</translation>
    </message>
    <message>
        <source>Derive the demo template head (resources/demo/template) from the MakeHuman model of Debian&apos;s assimp-testmodels.</source>
        <translation>Deriva il modello di testa (template) della demo (resources/demo/template) dal modello MakeHuman di assimp-testmodels di Debian.</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DIR è obbligatorio</translation>
    </message>
    <message>
        <source>Dataset folder to write.</source>
        <translation>Cartella del dataset da scrivere.</translation>
    </message>
    <message>
        <source>Number of cases (default 20).</source>
        <translation>Numero di casi (predefinito 20).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Seme casuale (predefinito 1).</translation>
    </message>
    <message>
        <source>Template folder (mesh.obj, landmarks.txt); default: %1.</source>
        <extracomment>%1 is a folder path</extracomment>
        <translation>Cartella del modello di testa (mesh.obj, landmarks.txt); predefinito: %1.</translation>
    </message>
    <message>
        <source>No holes and no missing ear regions.</source>
        <translation>Nessun buco e nessuna regione delle orecchie mancante.</translation>
    </message>
    <message>
        <source>Loop subdivision levels of the template head, 0-3 (default 2, about 67,000 vertices; 1 is about 17,000, a coarser scanner).</source>
        <translation>Livelli di suddivisione Loop del modello di testa, 0-3 (predefinito 2, circa 67.000 vertici; 1 corrisponde a circa 17.000, uno scanner più grossolano).</translation>
    </message>
    <message>
        <source>Write into DIR even if it is not empty.</source>
        <translation>Scrive in DIR anche se non è vuota.</translation>
    </message>
    <message>
        <source>lafas (default): LA-FAS case folders with the 50 landmarks; facescape: FaceScape&apos;s layout, 68 landmarks as vertex indices of shared-topology meshes (a stand-in for FaceScape, which cannot be shipped).</source>
        <translation>lafas (predefinito): cartelle di casi LA-FAS con i 50 landmark; facescape: la struttura di FaceScape, 68 landmark come indici dei vertici di mesh con topologia condivisa (un sostituto di FaceScape, che non può essere distribuito).</translation>
    </message>
    <message>
        <source>Generate a demo dataset of LA-FAS cases from the template head. GENERATED data: not scans of real people, not for clinical use. The same seed gives the same bytes.</source>
        <translation>Genera un dataset demo di casi LA-FAS dal modello di testa. Dati GENERATI: non sono scansioni di persone reali, non per uso clinico. Lo stesso seme produce gli stessi byte.</translation>
    </message>
    <message>
        <source>--subdivisions takes 0 to 3</source>
        <translation>--subdivisions accetta da 0 a 3</translation>
    </message>
    <message>
        <source>--cases takes a number from 1 to 100000</source>
        <translation>--cases accetta un numero da 1 a 100000</translation>
    </message>
    <message>
        <source>--seed takes a non-negative integer</source>
        <translation>--seed accetta un intero non negativo</translation>
    </message>
    <message>
        <source>--layout takes lafas or facescape</source>
        <translation>--layout accetta lafas o facescape</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists and is not a generated dataset; add --force to write into it</source>
        <extracomment>%1 is the --out folder</extracomment>
        <translation>&apos;%1&apos; esiste e non è un dataset generato; aggiungi --force per scriverci dentro</translation>
    </message>
    <message>
        <source>Dataset folder with ground-truth landmarks.</source>
        <translation>Cartella del dataset con i landmark di ground truth.</translation>
    </message>
    <message>
        <source>Folder for the CSV files and report.html.</source>
        <translation>Cartella per i file CSV e report.html.</translation>
    </message>
    <message>
        <source>--data DIR and --report DIR are required</source>
        <translation>--data DIR e --report DIR sono obbligatori</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Stampa il riepilogo come JSON.</translation>
    </message>
    <message>
        <source>A mesh file, case folder, dataset folder or landmark file (.txt, .csv, .mrk.json, .fcsv, .pp, .tps); default: the generated demo dataset.</source>
        <translation>Un file di mesh, una cartella di caso, una cartella di dataset o un file di landmark (.txt, .csv, .mrk.json, .fcsv, .pp, .tps); predefinito: il dataset demo generato.</translation>
    </message>
    <message>
        <source>Summarise a mesh, case, dataset or landmark file: counts, bounding box, units, landmarks present, transform.</source>
        <translation>Riepiloga un file di mesh, un caso, un dataset o un file di landmark: conteggi, bounding box, unità, landmark presenti, trasformazione.</translation>
    </message>
    <message>
        <source>expected one PATH</source>
        <translation>atteso un PATH</translation>
    </message>
    <message>
        <source>expected a PATH (no demo dataset was found either)</source>
        <translation>atteso un PATH (non è stato trovato nemmeno un dataset demo)</translation>
    </message>
    <message>
        <source>palstudio-cli: unknown command &apos;%1&apos;</source>
        <extracomment>%1 is the command name as typed</extracomment>
        <translation>palstudio-cli: comando sconosciuto &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Run &apos;palstudio-cli %1 --help&apos; for usage.</source>
        <extracomment>%1 is a command name such as predict</extracomment>
        <translation>Esegui &apos;palstudio-cli %1 --help&apos; per l&apos;uso.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <extracomment>%1 is the error message (already in its final form)</extracomment>
        <translation>errore: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <extracomment>Printed when the user stopped the command (Ctrl+C)</extracomment>
        <translation>annullato</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <extracomment>%1 is a technical message from the program</extracomment>
        <translation>errore interno: %1</translation>
    </message>
    <message>
        <source>Write predictions under DIR/&lt;case&gt;/ instead of beside each case.</source>
        <translation>Scrive le predizioni in DIR/&lt;caso&gt;/ invece che accanto a ogni caso.</translation>
    </message>
    <message>
        <source>Cases per forward pass (default 8).</source>
        <translation>Casi per forward pass (predefinito 8).</translation>
    </message>
    <message>
        <source>Case folders, mesh files or dataset folders.</source>
        <translation>Cartelle di casi, file di mesh o cartelle di dataset.</translation>
    </message>
    <message>
        <source>Predict the landmarks of cases with a PAL-Net model (its schema&apos;s: the 50 of LA-FAS, FaceScape&apos;s 68, or a lab&apos;s own). Predictions are written beside each case as landmarks.predicted.txt, an LA-FAS file (landmarks.predicted.csv, a CSV file, for a schema other than LA-FAS-50), in the case&apos;s own frame; the case&apos;s landmarks are never touched. A case of another schema than the model&apos;s is refused. A case that cannot be predicted is listed with its reason, the others are still written, and the exit code is 2.</source>
        <translation>Predice i landmark dei casi con un modello PAL-Net (quelli del suo schema: i 50 di LA-FAS, i 68 di FaceScape o quelli di un laboratorio). Le predizioni vengono scritte accanto a ogni caso come landmarks.predicted.txt, un file LA-FAS (landmarks.predicted.csv, un file CSV, per uno schema diverso da LA-FAS-50), nel sistema di riferimento del caso; i landmark del caso non vengono mai toccati. Un caso con uno schema diverso da quello del modello viene rifiutato. Un caso che non può essere predetto viene elencato con il motivo, gli altri vengono comunque scritti, e il codice di uscita è 2.</translation>
    </message>
    <message>
        <source>expected at least one INPUT</source>
        <translation>atteso almeno un INPUT</translation>
    </message>
    <message>
        <source>--weights must be float32 or float16</source>
        <translation>--weights deve essere float32 o float16</translation>
    </message>
    <message>
        <source>--freeze takes 0 to 3: PAL-Net has 3 blocks</source>
        <translation>--freeze accetta da 0 a 3: PAL-Net ha 3 blocchi</translation>
    </message>
    <message>
        <source>--freeze keeps a parent&apos;s weights: it needs --init</source>
        <translation>--freeze mantiene i pesi del modello padre: richiede --init</translation>
    </message>
    <message>
        <source>--out must differ from --init: the original bundle is kept untouched</source>
        <translation>--out deve essere diverso da --init: il pacchetto originale resta intatto</translation>
    </message>
    <message>
        <source>Dataset folder of LA-FAS cases.</source>
        <translation>Cartella del dataset di casi LA-FAS.</translation>
    </message>
    <message>
        <source>Model bundle to write (.palnet).</source>
        <translation>Pacchetto del modello da scrivere (.palnet).</translation>
    </message>
    <message>
        <source>K, a multiple of 100 (default 1000).</source>
        <translation>K, un multiplo di 100 (predefinito 1000).</translation>
    </message>
    <message>
        <source>Most epochs (default 200).</source>
        <translation>Numero massimo di epoche (predefinito 200).</translation>
    </message>
    <message>
        <source>k-fold cross-validation: train F models, M.fold1.palnet ... (default: one 80/20 split).</source>
        <translation>Validazione incrociata k-fold: addestra F modelli, M.fold1.palnet ... (predefinito: una sola suddivisione 80/20).</translation>
    </message>
    <message>
        <source>Seed of the split, initialisation and dropout (default 1).</source>
        <translation>Seme della suddivisione, dell&apos;inizializzazione e del dropout (predefinito 1).</translation>
    </message>
    <message>
        <source>Fine-tune from this bundle (kept untouched).</source>
        <translation>Affina (fine-tuning) a partire da questo pacchetto (che resta intatto).</translation>
    </message>
    <message>
        <source>Continue from a checkpoint (M.ckpt.json).</source>
        <translation>Riprende da un checkpoint (M.ckpt.json).</translation>
    </message>
    <message>
        <source>Batch size (default 16).</source>
        <translation>Dimensione del batch (predefinito 16).</translation>
    </message>
    <message>
        <source>What each case is trained on: ground-truth (its landmarks.txt, the default), reviewed (the clinician&apos;s landmarks, cases whose review corrected or confirmed every landmark) or both (the review where it is complete, the ground truth elsewhere).</source>
        <translation>Su cosa viene addestrato ogni caso: ground-truth (il suo landmarks.txt, predefinito), reviewed (i landmark del clinico, casi la cui revisione ha corretto o confermato ogni landmark) o both (la revisione dove è completa, la ground truth altrove).</translation>
    </message>
    <message>
        <source>The same as --train-on reviewed.</source>
        <translation>Equivale a --train-on reviewed.</translation>
    </message>
    <message>
        <source>Starting learning rate (default 1e-3 from scratch, 1e-5 with --init).</source>
        <translation>Learning rate iniziale (predefinito 1e-3 da zero, 1e-5 con --init).</translation>
    </message>
    <message>
        <source>With --init: the first N convolution blocks (0-3) and their attention keep the parent&apos;s weights (default 0).</source>
        <translation>Con --init: i primi N blocchi di convoluzione (0-3) e la loro attenzione mantengono i pesi del modello padre (predefinito 0).</translation>
    </message>
    <message>
        <source>Case ids to leave out, comma-separated.</source>
        <translation>ID dei casi da escludere, separati da virgole.</translation>
    </message>
    <message>
        <source>Weight precision in the bundle: float32 or float16.</source>
        <translation>Precisione dei pesi nel pacchetto: float32 o float16.</translation>
    </message>
    <message>
        <source>After the run, compare the new model with this one on the validation cases (default: the --init model; none when training from scratch).</source>
        <translation>Dopo l&apos;esecuzione, confronta il nuovo modello con questo sui casi di validazione (predefinito: il modello di --init; nessuno quando si addestra da zero).</translation>
    </message>
    <message>
        <source>The network trained from scratch: attention (PAL-Net, the default), or an ablation: no-attention, top-k-attention, two-blocks, no-dropout. A fine-tune keeps its parent&apos;s.</source>
        <translation>La rete addestrata da zero: attention (PAL-Net, predefinita) o un&apos;ablazione: no-attention, top-k-attention, two-blocks, no-dropout. Un affinamento mantiene quella del modello padre.</translation>
    </message>
    <message>
        <source>Train PAL-Net, or fine-tune a model with --init, as the reference does: seeded 80/20 split, 0.6/0.4 loss, Adam, reduce-on-plateau, early stopping; a checkpoint after every epoch. Ctrl+C stops at the next batch. A fine-tune starts from the parent&apos;s validation loss (epoch 0), keeps only an epoch that beats it, and is then compared with the parent on the validation cases.</source>
        <translation>Addestra PAL-Net, o affina un modello con --init, come fa l&apos;implementazione di riferimento: suddivisione 80/20 con seme, loss 0.6/0.4, Adam, reduce-on-plateau, early stopping; un checkpoint dopo ogni epoca. Ctrl+C interrompe al batch successivo. Un affinamento parte dalla loss di validazione del modello padre (epoca 0), mantiene solo un&apos;epoca che la migliora e viene poi confrontato con il modello padre sui casi di validazione.</translation>
    </message>
    <message>
        <source>--data DIR and --out M are required</source>
        <translation>--data DIR e --out M sono obbligatori</translation>
    </message>
    <message>
        <source>--train-on must be ground-truth, reviewed or both</source>
        <translation>--train-on deve essere ground-truth, reviewed o both</translation>
    </message>
    <message>
        <source>--reviewed-only contradicts --train-on %1</source>
        <extracomment>%1 is the value given to --train-on</extracomment>
        <translation>--reviewed-only è in contraddizione con --train-on %1</translation>
    </message>
    <message>
        <source>--lr takes a positive number, e.g. 1e-4</source>
        <translation>--lr richiede un numero positivo, ad es. 1e-4</translation>
    </message>
    <message>
        <source>--variant must be one of %1</source>
        <extracomment>%1 lists the variant names, e.g. attention, no-attention</extracomment>
        <translation>--variant deve essere uno tra %1</translation>
    </message>
    <message>
        <source>--variant chooses the network trained from scratch: a fine-tune (--init) keeps its parent&apos;s</source>
        <translation>--variant sceglie la rete addestrata da zero: un affinamento (--init) mantiene quella del modello padre</translation>
    </message>
    <message>
        <source>Where rank 0 listens (default: $MASTER_ADDR or 127.0.0.1).</source>
        <translation>Dove è in ascolto il rank 0 (predefinito: $MASTER_ADDR o 127.0.0.1).</translation>
    </message>
    <message>
        <source>Rank 0&apos;s port (default: $MASTER_PORT or 29500).</source>
        <translation>La porta del rank 0 (predefinito: $MASTER_PORT o 29500).</translation>
    </message>
    <message>
        <source>Seconds to wait for the other processes, at the start and at every step (default 300).</source>
        <translation>Secondi di attesa degli altri processi, all&apos;avvio e a ogni passo (predefinito 300).</translation>
    </message>
    <message>
        <source>--rank must be less than --world-size</source>
        <translation>--rank deve essere minore di --world-size</translation>
    </message>
    <message>
        <source>--folds runs one training after another: run it with one process</source>
        <translation>--folds esegue un addestramento dopo l&apos;altro: eseguilo con un solo processo</translation>
    </message>
    <message>
        <source>Where the network runs: auto (a GPU when there is one, the default), cpu or cuda (fails when this LibTorch has no CUDA or sees no GPU).</source>
        <translation>Dove viene eseguita la rete: auto (una GPU quando c&apos;è, predefinito), cpu o cuda (fallisce quando questa LibTorch non ha CUDA o non vede alcuna GPU).</translation>
    </message>
    <message>
        <source>--device must be auto, cpu or cuda</source>
        <translation>--device deve essere auto, cpu o cuda</translation>
    </message>
    <message>
        <source>Processes sharing the work, in all (default: $WORLD_SIZE, srun&apos;s $SLURM_STEP_NUM_TASKS or 1). Each takes its share; training sums their gradients.</source>
        <translation>Processi che si dividono il lavoro, in tutto (predefinito: $WORLD_SIZE, $SLURM_STEP_NUM_TASKS di srun o 1). Ognuno prende la sua parte; l&apos;addestramento somma i loro gradienti.</translation>
    </message>
    <message>
        <source>This process&apos;s number, 0 to N-1 (default: $RANK or $SLURM_PROCID). Rank 0 writes the checkpoints and the model, and the evaluation&apos;s report.</source>
        <translation>Il numero di questo processo, da 0 a N-1 (predefinito: $RANK o $SLURM_PROCID). Il rank 0 scrive i checkpoint e il modello, e il rapporto della valutazione.</translation>
    </message>
    <message>
        <source>--master-port takes a port number, 1 to 65535</source>
        <translation>--master-port accetta un numero di porta, da 1 a 65535</translation>
    </message>
    <message>
        <source>Evaluate a model as the paper reports it: point-wise and distance-wise errors for &apos;closest&apos; and &apos;average&apos; post-processing, and for &apos;surface&apos; (the exact closest point of the mesh), against the mean template as a baseline; CSV files and a self-contained HTML report. Cases that cannot be predicted are listed and left out, and the exit code is 2.</source>
        <translation>Valuta un modello come riportato nell&apos;articolo: errori punto per punto e per distanza con il post-processing &apos;closest&apos; e &apos;average&apos;, e con &apos;surface&apos; (il punto esatto della mesh più vicino), rispetto al template medio come riferimento; file CSV e un rapporto HTML autonomo. I casi che non possono essere predetti vengono elencati ed esclusi, e il codice di uscita è 2.</translation>
    </message>
    <message>
        <source>Post-processing: closest (the nearest of 100,000 even surface samples, as the reference does), average (of the 12 nearest samples), surface (the exact closest point of the mesh, without sampling: faster) or none (default: the model&apos;s).</source>
        <translation>Post-processing: closest (il più vicino di 100.000 campioni uniformi della superficie, come fa il riferimento), average (media dei 12 campioni più vicini), surface (il punto esatto della mesh più vicino, senza campionamento: più veloce) o none (predefinito: quello del modello).</translation>
    </message>
    <message>
        <source>--snap must be closest, average, surface or none</source>
        <translation>--snap deve essere closest, average, surface o none</translation>
    </message>
    <message>
        <source>Keep the checkpoint files (M.ckpt.json, M.ckpt.eN.pt, M.best.pt) when the run ends, to continue it later with more --epochs (default: removed; a cancelled run always keeps them).</source>
        <translation>Conserva i file di checkpoint (M.ckpt.json, M.ckpt.eN.pt, M.best.pt) al termine dell&apos;esecuzione, per continuarla in seguito con più --epochs (predefinito: rimossi; un&apos;esecuzione annullata li conserva sempre).</translation>
    </message>
    <message>
        <source>--sets takes truth, prediction, review or all (comma-separated), not &apos;%1&apos;</source>
        <extracomment>%1 is what the user typed after --sets</extracomment>
        <translation>--sets accetta truth, prediction, review o all (separati da virgole), non &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--sets names no set</source>
        <translation>--sets non indica alcun insieme</translation>
    </message>
    <message>
        <source>%1 takes a distance in millimetres, not &apos;%2&apos;</source>
        <extracomment>%1 is an option name such as --surface-mm, %2 what the user typed</extracomment>
        <translation>%1 accetta una distanza in millimetri, non &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Which landmarks to check: truth, prediction, review or all (default all).</source>
        <translation>Quali landmark controllare: truth, prediction, review o all (predefinito all).</translation>
    </message>
    <message>
        <source>Do not read the meshes (skips the off-surface check; faster).</source>
        <translation>Non legge le mesh (salta il controllo della distanza dalla superficie; più veloce).</translation>
    </message>
    <message>
        <source>How far from the surface a landmark may lie (default 2).</source>
        <translation>A quale distanza dalla superficie può trovarsi un landmark (predefinito 2).</translation>
    </message>
    <message>
        <source>How far past the mid-sagittal plane a paired landmark may lie (default 2).</source>
        <translation>Di quanto un landmark di una coppia può oltrepassare il piano mediosagittale (predefinito 2).</translation>
    </message>
    <message>
        <source>A case folder, a mesh file or a dataset folder.</source>
        <translation>Una cartella di caso, un file di mesh o una cartella di dataset.</translation>
    </message>
    <message>
        <source>Check landmarks against the anatomy (docs/landmarks.md, &quot;Sanity rules&quot;): left/right swaps, sides, the midline&apos;s order, the nose tip foremost, eye and mouth corners, mirror symmetry, distance to the surface. Each of a case&apos;s ground truth, saved prediction and review is checked on its own. One line per finding; the exit code is 5 when there is any, 2 when a case could not be read.</source>
        <translation>Controlla i landmark rispetto all&apos;anatomia (docs/landmarks.md, &quot;Sanity rules&quot;): scambi sinistra/destra, lati, ordine della linea mediana, punta del naso più anteriore, angoli degli occhi e della bocca, simmetria speculare, distanza dalla superficie. Ground truth, predizione salvata e revisione di un caso vengono controllate ciascuna per conto proprio. Una riga per ogni problema trovato; il codice di uscita è 5 se ce n&apos;è almeno uno, 2 se un caso non è leggibile.</translation>
    </message>
    <message>
        <source>give one case, mesh or dataset folder</source>
        <translation>indica un caso, una mesh o una cartella di dataset</translation>
    </message>
    <message>
        <source>Usage: palstudio-cli &lt;command&gt; [options]

Commands:
  info PATH        summary of a mesh, case folder, dataset folder or landmark file
  convert IN OUT   convert landmark files (LA-FAS .txt, .csv), chosen by extension
  predict [--model M] INPUT...  predict landmarks of cases and datasets
  train --data DIR --out M     train or fine-tune (--init M0) a model
  evaluate --model M --data DIR --report DIR   errors, CSV files and an HTML report
  check PATH       anatomical checks of a case&apos;s or dataset&apos;s landmarks
  report PATH... -o FILE.pdf   a review report to print and sign, a page per case
  make-demo        generate a demo dataset (generated faces, not for clinical use)
  make-template    derive the demo template head from Debian&apos;s MakeHuman model

Run &apos;palstudio-cli &lt;command&gt; --help&apos; for a command&apos;s options.
Exit codes: 0 success, 1 usage error, 2 bad input, 3 cancelled, 4 internal error,
5 checks found problems.
</source>
        <extracomment>The command names and option names (info, --model, ...) are typed as they are.</extracomment>
        <translation>Utilizzo: palstudio-cli &lt;comando&gt; [opzioni]

Comandi:
  info PATH        riepilogo di una mesh, cartella di caso, cartella di dataset o file di landmark
  convert IN OUT   converte file di landmark (LA-FAS .txt, .csv), scelti in base all&apos;estensione
  predict [--model M] INPUT...  predice i landmark di casi e dataset
  train --data DIR --out M     addestra o affina (--init M0) un modello
  evaluate --model M --data DIR --report DIR   errori, file CSV e un rapporto HTML
  check PATH       controlli anatomici dei landmark di un caso o di un dataset
  report PATH... -o FILE.pdf   un rapporto di revisione da stampare e firmare, una pagina per caso
  make-demo        genera un dataset demo (volti generati, non per uso clinico)
  make-template    deriva il modello di testa della demo dal modello MakeHuman di Debian

Esegui &apos;palstudio-cli &lt;comando&gt; --help&apos; per le opzioni di un comando.
Codici di uscita: 0 successo, 1 errore di uso, 2 input non valido, 3 annullato, 4 errore interno,
5 i controlli hanno trovato problemi.
</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>Il file PDF da scrivere.</translation>
    </message>
    <message>
        <source>Replace the PDF file if it exists.</source>
        <translation>Sostituisce il file PDF se esiste.</translation>
    </message>
    <message>
        <source>Write a review report to print and sign: one A4 page per case, with front and side views of the face and its landmarks, the landmark table (status, error, tolerance, checks), the anatomical checks, the audit trail and the sign-off. It shows the saved review (or the saved prediction when there is no review), never unsaved edits. Needs no display.</source>
        <translation>Scrive un rapporto di revisione da stampare e firmare: una pagina A4 per caso, con le viste frontale e laterale del volto e dei suoi landmark, la tabella dei landmark (stato, errore, tolleranza, controlli), i controlli anatomici, il registro delle modifiche e l&apos;approvazione. Mostra la revisione salvata (o la predizione salvata quando non c&apos;è una revisione), mai modifiche non salvate. Non richiede un display.</translation>
    </message>
    <message>
        <source>give at least one case, mesh or dataset folder</source>
        <translation>indica almeno un caso, una mesh o una cartella di dataset</translation>
    </message>
    <message>
        <source>-o FILE.pdf is required</source>
        <translation>-o FILE.pdf è obbligatorio</translation>
    </message>
    <message>
        <source>the report is a PDF file: &apos;%1&apos; does not end in .pdf</source>
        <extracomment>%1 the file name as given</extracomment>
        <translation>il rapporto è un file PDF: &apos;%1&apos; non termina con .pdf</translation>
    </message>
    <message>
        <source>&apos;%1&apos; exists; give --force to replace it</source>
        <translation>&apos;%1&apos; esiste; indica --force per sostituirlo</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Key</source>
        <translation>Tasto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>(the manual is missing)</source>
        <translation>(manca il manuale)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Model: none chosen (Model &amp;gt; Choose Model).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Modello: nessuno scelto (Modello &amp;gt; Scegli modello).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>PAL-Net (%1), patch size %2, %3 landmarks, %4 weights&lt;br&gt;</source>
        <translation>PAL-Net (%1), dimensione della patch %2, %3 landmark, pesi %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Made by %1 on %2 from %3 training and %4 validation case(s)</source>
        <translation>Creato da %1 il %2 con %3 casi di addestramento e %4 di validazione</translation>
    </message>
    <message>
        <source>; best validation loss %1 at epoch %2</source>
        <translation>; migliore loss di validazione %1 all&apos;epoca %2</translation>
    </message>
    <message>
        <source>It cannot be read: %1&lt;br&gt;</source>
        <translation>Non è leggibile: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>Model card: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>Scheda del modello: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PAL Studio %1&lt;/h3&gt;&lt;p&gt;Review, correct and predict facial landmarks on 3D face scans with PAL-Net: the 50 of LA-FAS, the 68 of FaceScape, or a schema of your own.&lt;/p&gt;&lt;p&gt;Qt %2, VTK %3. The PAL-Net engine (LibTorch) is loaded on the first prediction or training.&lt;/p&gt;%4&lt;p&gt;The demo dataset and the default model are generated by this project: they are not measurements of real people and not for clinical use.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PAL Studio %1&lt;/h3&gt;&lt;p&gt;Revisiona, correggi e predici landmark facciali su scansioni 3D del volto con PAL-Net: i 50 di LA-FAS, i 68 di FaceScape o uno schema tuo.&lt;/p&gt;&lt;p&gt;Qt %2, VTK %3. Il motore PAL-Net (LibTorch) viene caricato alla prima predizione o al primo addestramento.&lt;/p&gt;%4&lt;p&gt;Il dataset dimostrativo e il modello predefinito sono generati da questo progetto: non sono misurazioni di persone reali e non sono per uso clinico.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About PAL Studio</source>
        <translation>Informazioni su PAL Studio</translation>
    </message>
    <message>
        <source>PAL Studio Manual</source>
        <translation>Manuale di PAL Studio</translation>
    </message>
</context>
<context>
    <name>Landmarks</name>
    <message>
        <source>right</source>
        <extracomment>the subject&apos;s right side</extracomment>
        <translation>destra</translation>
    </message>
    <message>
        <source>left</source>
        <extracomment>the subject&apos;s left side</extracomment>
        <translation>sinistra</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>linea mediana</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mancante</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>predetto</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>posizionato</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>riposizionato</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confermato</translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation>non revisionato</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in revisione</translation>
    </message>
    <message>
        <source>done</source>
        <translation>completato</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>PAL Studio will show its texts in %1 from the next start.</source>
        <extracomment>%1 is a language&apos;s own name, such as &quot;Italiano&quot;</extracomment>
        <translation>PAL Studio mostrerà i suoi testi in %1 dal prossimo avvio.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <extracomment>%1 is the system&apos;s language, named in that language (e.g. &quot;Italiano&quot;)</extracomment>
        <translation>Sistema (%1)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>the saved review (%1), saved %2</source>
        <extracomment>%1 the review state (done, in review...), %2 when it was saved</extracomment>
        <translation>la revisione salvata (%1), salvata il %2</translation>
    </message>
    <message>
        <source>a saved prediction, not reviewed</source>
        <extracomment>%1 the model&apos;s name</extracomment>
        <translation>una predizione salvata, non revisionata</translation>
    </message>
    <message>
        <source>the prediction of %1, not reviewed</source>
        <translation>la predizione di %1, non revisionata</translation>
    </message>
    <message>
        <source>none (no prediction and no review saved)</source>
        <translation>nessuno (nessuna predizione e nessuna revisione salvata)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sigla</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Tol.</source>
        <translation>Toll.</translation>
    </message>
    <message>
        <source>T / C</source>
        <translation>G / C</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Controlli</translation>
    </message>
    <message>
        <source>in</source>
        <extracomment>T: the ground truth; in/out: inside or outside the tolerance</extracomment>
        <translation>dentro</translation>
    </message>
    <message>
        <source>out</source>
        <translation>fuori</translation>
    </message>
    <message>
        <source>Landmark review report</source>
        <translation>Rapporto di revisione dei landmark</translation>
    </message>
    <message>
        <source>Case %1</source>
        <extracomment>%1 a case&apos;s id</extracomment>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>Mesh: %1</source>
        <extracomment>%1 a mesh file&apos;s path</extracomment>
        <translation>Mesh: %1</translation>
    </message>
    <message>
        <source>Landmarks: %1</source>
        <extracomment>%1 what the landmarks are: &quot;the saved review (done), saved ...&quot;, &quot;the prediction of ...&quot;</extracomment>
        <translation>Landmark: %1</translation>
    </message>
    <message>
        <source>Ground truth: none; errors cannot be given.</source>
        <translation>Ground truth: assente; gli errori non si possono calcolare.</translation>
    </message>
    <message>
        <source>Ground truth: no landmark in common.</source>
        <translation>Ground truth: nessun landmark in comune.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <extracomment>%1 a problem met while reading the case (a missing texture...)</extracomment>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Fronte</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Lato destro</translation>
    </message>
    <message>
        <source>reviewed landmarks</source>
        <translation>landmark revisionati</translation>
    </message>
    <message>
        <source>predicted landmarks</source>
        <translation>landmark predetti</translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation>ground truth</translation>
    </message>
    <message>
        <source>error, green 1 mm to red 5 mm</source>
        <translation>errore, da verde 1 mm a rosso 5 mm</translation>
    </message>
    <message>
        <source>Error: to the ground truth, mm. Tol.: the landmark&apos;s repeatability, mm (how far apart one person&apos;s two placements typically are). T / C: whether the ground truth and a person&apos;s correction lie within it around the model&apos;s prediction.</source>
        <translation>Errore: rispetto alla ground truth, mm. Toll.: la ripetibilità del landmark, mm (quanto distano di solito due posizionamenti della stessa persona). G / C: se la ground truth e la correzione di una persona cadono al suo interno attorno alla predizione del modello.</translation>
    </message>
    <message>
        <source>Anatomical checks</source>
        <translation>Controlli anatomici</translation>
    </message>
    <message>
        <source>No finding on these landmarks.</source>
        <translation>Nessun problema su questi landmark.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro delle modifiche</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Approvazione</translation>
    </message>
    <message>
        <source>Signed off in PAL Studio by %1 on %2.</source>
        <extracomment>%1 who signed the case off, %2 when</extracomment>
        <translation>Approvato in PAL Studio da %1 il %2.</translation>
    </message>
    <message>
        <source>Not signed off in PAL Studio (review state: %1).</source>
        <translation>Non approvato in PAL Studio (stato della revisione: %1).</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Revisore</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>%1, report made %2</source>
        <extracomment>%1 the program and its version, %2 when the report was made</extracomment>
        <translation>%1, rapporto creato il %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <extracomment>%1 this page&apos;s number, %2 how many there are</extracomment>
        <translation>Pagina %1 di %2</translation>
    </message>
    <message>
        <source>the review cannot be read, and a report without it would show the case as not reviewed (%1)</source>
        <extracomment>%1 the problems met while reading the case&apos;s files</extracomment>
        <translation>la revisione non è leggibile, e un rapporto senza di essa mostrerebbe il caso come non revisionato (%1)</translation>
    </message>
    <message>
        <source>No change was recorded.</source>
        <translation>Nessuna modifica registrata.</translation>
    </message>
    <message>
        <source>Ground truth: mean error %1 mm (%2 of %3 landmarks).</source>
        <extracomment>%1 a mean error in mm, %2 and %3 counts of landmarks</extracomment>
        <translation>Ground truth: errore medio %1 mm (%2 di %3 landmark).</translation>
    </message>
    <message>
        <source>Reviewed by a person: %1 of %2 landmarks. Findings of the anatomical checks: %3.</source>
        <extracomment>%1 and %2 counts of landmarks, %3 the number of findings of the anatomical checks or &quot;none&quot;</extracomment>
        <translation>Revisionati da una persona: %1 di %2 landmark. Problemi trovati dai controlli anatomici: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Not listed here: %1 more (palstudio-cli check lists them all).</source>
        <extracomment>%1 how many findings are not listed</extracomment>
        <translation>Non elencati qui: altri %1 (palstudio-cli check li elenca tutti).</translation>
    </message>
    <message>
        <source>moved: %1</source>
        <extracomment>each of these counts entries of the audit trail: &quot;moved: 7&quot;</extracomment>
        <translation>spostati: %1</translation>
    </message>
    <message>
        <source>placed: %1</source>
        <translation>posizionati: %1</translation>
    </message>
    <message>
        <source>status changes: %1</source>
        <translation>cambi di stato: %1</translation>
    </message>
    <message>
        <source>review state changes: %1</source>
        <translation>cambi dello stato di revisione: %1</translation>
    </message>
    <message>
        <source>sign-offs: %1</source>
        <translation>approvazioni: %1</translation>
    </message>
    <message>
        <source>predictions: %1</source>
        <translation>predizioni: %1</translation>
    </message>
    <message>
        <source>imports: %1</source>
        <translation>importazioni: %1</translation>
    </message>
    <message>
        <source>undone: %1</source>
        <translation>annullati: %1</translation>
    </message>
    <message>
        <source>redone: %1</source>
        <translation>ripetuti: %1</translation>
    </message>
    <message>
        <source>Changes: %1, by %2, from %3 to %4 UTC (%5)</source>
        <extracomment>%1 the number of entries, %2 who made them, %3 and %4 date and time, %5 the counts, e.g. &quot;Changes: 14, by anna, from 2026-12-03 09:12 to 2026-12-03 09:40 UTC (moved: 9)&quot;</extracomment>
        <translation>Modifiche: %1, di %2, dal %3 al %4 UTC (%5)</translation>
    </message>
    <message>
        <source>Earlier entries not listed: %1</source>
        <extracomment>%1 how many earlier entries are left out (Case &gt; History shows them all)</extracomment>
        <translation>Voci precedenti non elencate: %1</translation>
    </message>
    <message>
        <source>Notes not shown: %1 more.</source>
        <extracomment>%1 how many more problems were met (palstudio-cli report prints them all)</extracomment>
        <translation>Note non mostrate: altre %1.</translation>
    </message>
    <message>
        <source>ring: under the surface (up to 15 mm)</source>
        <translation>anello: sotto la superficie (fino a 15 mm)</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Ground truth: </source>
        <translation>Ground truth: </translation>
    </message>
    <message>
        <source>%1 (ground truth)</source>
        <extracomment>%1 is a check&apos;s short title, such as &quot;swapped&quot;</extracomment>
        <translation>%1 (ground truth)</translation>
    </message>
    <message>
        <source>truth inside</source>
        <translation>ground truth dentro</translation>
    </message>
    <message>
        <source>truth outside</source>
        <translation>ground truth fuori</translation>
    </message>
    <message>
        <source>correction inside</source>
        <translation>correzione dentro</translation>
    </message>
    <message>
        <source>correction outside</source>
        <translation>correzione fuori</translation>
    </message>
    <message>
        <source>Tolerance %1 mm around the model&apos;s prediction: how far apart one person&apos;s two placements of %2 typically are.</source>
        <extracomment>%1 a distance in mm, %2 a landmark&apos;s key</extracomment>
        <translation>Tolleranza di %1 mm attorno alla predizione del modello: quanto distano di solito due posizionamenti di %2 fatti dalla stessa persona.</translation>
    </message>
    <message>
        <source>Ground truth %1 mm from the prediction: inside.</source>
        <translation>Ground truth a %1 mm dalla predizione: dentro.</translation>
    </message>
    <message>
        <source>Ground truth %1 mm from the prediction: outside.</source>
        <translation>Ground truth a %1 mm dalla predizione: fuori.</translation>
    </message>
    <message>
        <source>Correction %1 mm from the prediction: inside.</source>
        <translation>Correzione a %1 mm dalla predizione: dentro.</translation>
    </message>
    <message>
        <source>Correction %1 mm from the prediction: outside.</source>
        <translation>Correzione a %1 mm dalla predizione: fuori.</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <source>Move %1</source>
        <extracomment>%1 is a landmark&apos;s key; the text follows Undo/Redo in the Edit menu</extracomment>
        <translation>Sposta %1</translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation>Posiziona %1</translation>
    </message>
    <message>
        <source>Mark %1 %2</source>
        <translation>Segna %1 come %2</translation>
    </message>
    <message>
        <source>Mark case %1</source>
        <translation>Segna il caso come %1</translation>
    </message>
    <message>
        <source>Prediction by %1</source>
        <translation>Predizione di %1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Importa %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PAL Studio: review 3D facial landmarks on face scans.</source>
        <translation>PAL Studio: revisiona landmark facciali 3D su scansioni del volto.</translation>
    </message>
    <message>
        <source>Print the versions of PAL Studio, Qt, VTK and LibTorch, and the model predictions use, then exit.</source>
        <translation>Stampa le versioni di PAL Studio, Qt, VTK e LibTorch e il modello usato dalle predizioni, poi esce.</translation>
    </message>
    <message>
        <source>A mesh file or a case folder to open.</source>
        <translation>Un file di mesh o una cartella di caso da aprire.</translation>
    </message>
    <message>
        <source>Open PATH, render the window once, save it to PNG and exit.</source>
        <translation>Apre PATH, esegue il rendering della finestra una volta, lo salva in PNG ed esce.</translation>
    </message>
    <message>
        <source>Frame the case from this side: front (default), left, right, top or bottom (the subject&apos;s left and right).</source>
        <translation>Inquadra il caso da questo lato: front (predefinito), left, right, top o bottom (sinistra e destra del soggetto).</translation>
    </message>
    <message>
        <source>Hide the landmark labels.</source>
        <translation>Nasconde le etichette dei landmark.</translation>
    </message>
</context>
<context>
    <name>pal::ui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
</context>
<context>
    <name>pal::ui::DatasetModel</name>
    <message>
        <source>truth</source>
        <translation>ground truth</translation>
    </message>
    <message>
        <source> + prediction</source>
        <translation> + predizione</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>predizione</translation>
    </message>
    <message>
        <source>Mean error (mm) between the working landmarks and the ground truth</source>
        <translation>Errore medio (mm) tra i landmark dell&apos;insieme di lavoro e la ground truth</translation>
    </message>
    <message>
        <source>%1
reviewed by %2</source>
        <translation>%1
revisionato da %2</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisione</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Anatomical check findings on the reviewed or predicted landmarks (swapped sides, midline order, ...); sort by this column for the cases most likely wrong</source>
        <translation>Problemi trovati dai controlli anatomici sui landmark revisionati o predetti (lati scambiati, ordine della linea mediana, ...); ordina per questa colonna per vedere prima i casi più probabilmente errati</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Controlli</translation>
    </message>
</context>
<context>
    <name>pal::ui::DisplaySettingsDialog</name>
    <message>
        <source>Display Settings</source>
        <translation>Impostazioni di visualizzazione</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Below 100 %, landmarks behind the surface show through it</source>
        <translation>Sotto il 100 %, i landmark dietro la superficie si vedono attraverso di essa</translation>
    </message>
    <message>
        <source>Landmark size:</source>
        <translation>Dimensione dei landmark:</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Dimensione delle etichette:</translation>
    </message>
    <message>
        <source>Surface opacity:</source>
        <translation>Opacità della superficie:</translation>
    </message>
</context>
<context>
    <name>pal::ui::JobsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Annulla: %1</translation>
    </message>
    <message>
        <source>%1 (cancelling...)</source>
        <translation>%1 (annullamento...)</translation>
    </message>
</context>
<context>
    <name>pal::ui::LandmarkTableModel</name>
    <message>
        <source>Show this landmark in the view</source>
        <translation>Mostra questo landmark nella vista</translation>
    </message>
    <message>
        <source>Lock: the landmark cannot be dragged or placed</source>
        <translation>Blocca: il landmark non può essere trascinato né posizionato</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sigla</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Ground truth (mm)</source>
        <translation>Ground truth (mm)</translation>
    </message>
    <message>
        <source>Prediction (mm)</source>
        <translation>Predizione (mm)</translation>
    </message>
    <message>
        <source>Error (mm)</source>
        <translation>Errore (mm)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Blocca</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Controlli</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolleranza</translation>
    </message>
</context>
<context>
    <name>pal::ui::MainWindow</name>
    <message>
        <source>N: next landmark to review. C: confirm. Drag: move on the surface. Ctrl+D: case done. F1: all keys.</source>
        <translation>N: prossimo landmark da revisionare. C: conferma. Trascina: sposta sulla superficie. Ctrl+D: caso completato. F1: tutti i tasti.</translation>
    </message>
    <message>
        <source>PAL Studio[*]</source>
        <translation>PAL Studio[*]</translation>
    </message>
    <message>
        <source>Close the tips bar (View &gt; Tips Bar brings it back)</source>
        <translation>Chiudi la barra dei suggerimenti (Visualizza &gt; Barra dei suggerimenti la riporta)</translation>
    </message>
    <message>
        <source>Open a mesh, a case folder or a dataset (File menu, or drop it here)</source>
        <translation>Apri una mesh, la cartella di un caso o un dataset (menu File, o trascinalo qui)</translation>
    </message>
    <message>
        <source>Cannot journal unsaved edits: %1</source>
        <translation>Impossibile scrivere le modifiche non salvate nel giornale delle modifiche: %1</translation>
    </message>
    <message>
        <source>surface at (%1, %2, %3) mm</source>
        <translation>superficie in (%1, %2, %3) mm</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open Mesh or Landmarks...</source>
        <translation>&amp;Apri mesh o landmark...</translation>
    </message>
    <message>
        <source>Open &amp;Folder (Case or Dataset)...</source>
        <translation>Apri &amp;cartella (caso o dataset)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Save Review</source>
        <translation>&amp;Salva revisione</translation>
    </message>
    <message>
        <source>Write the review beside the case (palstudio-review.json); your landmark files are not touched</source>
        <translation>Scrive la revisione accanto al caso (palstudio-review.json); i tuoi file di landmark non vengono toccati</translation>
    </message>
    <message>
        <source>&amp;Export Landmarks...</source>
        <translation>Es&amp;porta landmark...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Import Landmarks...</source>
        <translation>&amp;Importa landmark...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Place the landmarks of a 3D Slicer, MeshLab, TPS, CSV or LA-FAS file on the open case (one undo step)</source>
        <translation>Posiziona sul caso aperto i landmark di un file 3D Slicer, MeshLab, TPS, CSV o LA-FAS (un solo passo di annullamento)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Next Landmark to Review</source>
        <translation>Landmark &amp;successivo da revisionare</translation>
    </message>
    <message>
        <source>&amp;Place Selected Landmark by Clicking</source>
        <translation>&amp;Posiziona il landmark selezionato con un clic</translation>
    </message>
    <message>
        <source>Click the surface once to place the selected landmark there; Escape leaves without placing</source>
        <translation>Fai clic una volta sulla superficie per posizionarvi il landmark selezionato; Esc esce senza posizionare</translation>
    </message>
    <message>
        <source>Click where %1 belongs (Escape: leave without placing)</source>
        <translation>Fai clic dove va posizionato %1 (Esc: esci senza posizionare)</translation>
    </message>
    <message>
        <source>Select a landmark first, then click where it belongs</source>
        <translation>Seleziona prima un landmark, poi fai clic dove va posizionato</translation>
    </message>
    <message>
        <source>Leave Place Mode</source>
        <translation>Esci dalla modalità di posizionamento</translation>
    </message>
    <message>
        <source>&amp;Confirm Selected Landmark</source>
        <translation>&amp;Conferma il landmark selezionato</translation>
    </message>
    <message>
        <source>Mark Selected Landmark &amp;Missing</source>
        <translation>Segna il landmark selezionato come &amp;mancante</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>Mark &amp;Unreviewed</source>
        <translation>Segna come &amp;non revisionato</translation>
    </message>
    <message>
        <source>Mark &amp;In Review</source>
        <translation>Segna come &amp;in revisione</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Segna come &amp;completato</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>N&amp;ext Case</source>
        <translation>Caso &amp;successivo</translation>
    </message>
    <message>
        <source>&amp;Previous Case</source>
        <translation>Caso &amp;precedente</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>M&amp;odello</translation>
    </message>
    <message>
        <source>&amp;Predict This Case</source>
        <translation>&amp;Predici questo caso</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Predict the Whole &amp;Dataset</source>
        <translation>Predici l&apos;intero &amp;dataset</translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation>&amp;Modelli...</translation>
    </message>
    <message>
        <source>&amp;Choose Model...</source>
        <translation>&amp;Scegli modello...</translation>
    </message>
    <message>
        <source>&amp;Back to Previous Model</source>
        <translation>&amp;Torna al modello precedente</translation>
    </message>
    <message>
        <source>&amp;Train or Fine-tune...</source>
        <translation>&amp;Addestra o affina...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;About PAL Studio</source>
        <translation>&amp;Informazioni su PAL Studio</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>PAL Studio</source>
        <translation>PAL Studio</translation>
    </message>
    <message>
        <source>%1 is a landmark file: open a case first, then drop it on the window to place its landmarks</source>
        <translation>%1 è un file di landmark: apri prima un caso, poi trascinalo sulla finestra per posizionarne i landmark</translation>
    </message>
    <message>
        <source>Use this model?</source>
        <translation>Usare questo modello?</translation>
    </message>
    <message>
        <source>Predict with %1 from now on? It predicts the %2 (patch size %3). The model in use now is %4.</source>
        <translation>Predire con %1 d&apos;ora in poi? Predice %2 (dimensione della patch %3). Il modello in uso ora è %4.</translation>
    </message>
    <message>
        <source>Predictions now use %1</source>
        <translation>Le predizioni ora usano %1</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Apertura di %1...</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Apertura di %1</translation>
    </message>
    <message>
        <source>Opening cancelled: the case on screen stays</source>
        <translation>Apertura annullata: resta il caso sullo schermo</translation>
    </message>
    <message>
        <source>%1: opening cancelled</source>
        <translation>%1: apertura annullata</translation>
    </message>
    <message>
        <source>Open a mesh</source>
        <translation>Apri una mesh</translation>
    </message>
    <message>
        <source>Meshes (*.obj *.ply *.stl *.off *.gltf *.glb *.dae *.zae *.fbx);;NumPy cases (*.npz);;All files (*)</source>
        <translation>Mesh (*.obj *.ply *.stl *.off *.gltf *.glb *.dae *.zae *.fbx);;Casi NumPy (*.npz);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Open a case or dataset folder</source>
        <translation>Apri la cartella di un caso o di un dataset</translation>
    </message>
    <message>
        <source>%1: not opened, the edits of %2 are kept</source>
        <translation>%1: non aperto, le modifiche di %2 vengono mantenute</translation>
    </message>
    <message>
        <source>Recover unsaved edits?</source>
        <translation>Recuperare le modifiche non salvate?</translation>
    </message>
    <message>
        <source>%1 has edits from %2 that were not saved (the program ended before they were). Recover them?</source>
        <translation>%1 ha modifiche del %2 che non sono state salvate (il programma è terminato prima del salvataggio). Vuoi recuperarle?</translation>
    </message>
    <message>
        <source>Recovered unsaved edits of %1</source>
        <translation>Modifiche non salvate di %1 recuperate</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n warning(s): %2</source>
        <translation>
            <numerusform>%1 aperto con %n avviso: %2</numerusform>
            <numerusform>%1 aperto con %n avvisi: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 aperto</translation>
    </message>
    <message>
        <source>Opened with problems</source>
        <translation>Aperto con problemi</translation>
    </message>
    <message>
        <source>%1 is open, but:

%2</source>
        <translation>%1 è aperto, ma:

%2</translation>
    </message>
    <message>
        <source>%1[*] - PAL Studio</source>
        <translation>%1[*] - PAL Studio</translation>
    </message>
    <message>
        <source>%1 (generated demo data, not for clinical use)[*] - PAL Studio</source>
        <translation>%1 (dati dimostrativi generati, non per uso clinico)[*] - PAL Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated demo data&lt;/b&gt; (a synthetic face), not for clinical use. </source>
        <translation>&lt;b&gt;Dati dimostrativi generati&lt;/b&gt; (un volto sintetico), non per uso clinico. </translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lettura di %1</translation>
    </message>
    <message>
        <source>%1: %2, %3/%4 reviewed</source>
        <translation>%1: %2, %3/%4 revisionati</translation>
    </message>
    <message>
        <source>, mean error %1 mm</source>
        <translation>, errore medio %1 mm</translation>
    </message>
    <message>
        <source> (%1, %2)</source>
        <translation> (%1, %2)</translation>
    </message>
    <message>
        <source>Unsaved review</source>
        <translation>Revisione non salvata</translation>
    </message>
    <message>
        <source>%1 has unsaved edits. Save the review before going on?</source>
        <translation>%1 ha modifiche non salvate. Vuoi salvare la revisione prima di continuare?</translation>
    </message>
    <message>
        <source>Saved the review of %1 to %2</source>
        <translation>Revisione di %1 salvata in %2</translation>
    </message>
    <message>
        <source>Landmarks marked missing</source>
        <translation>Landmark segnati come mancanti</translation>
    </message>
    <message numerus="yes">
        <source>%n landmark(s) are marked missing (%1). An LA-FAS landmarks file holds all 50 positions, so it cannot be written; CSV, 3D Slicer, MeshLab and TPS files can, with the missing ones marked missing. Export in one of those?</source>
        <translation>
            <numerusform>%n landmark è segnato come mancante (%1). Un file di landmark LA-FAS contiene tutte le 50 posizioni, quindi non può essere scritto; i file CSV, 3D Slicer, MeshLab e TPS sì, con i mancanti segnati come mancanti. Vuoi esportare in uno di questi formati?</numerusform>
            <numerusform>%n landmark sono segnati come mancanti (%1). Un file di landmark LA-FAS contiene tutte le 50 posizioni, quindi non può essere scritto; i file CSV, 3D Slicer, MeshLab e TPS sì, con i mancanti segnati come mancanti. Vuoi esportare in uno di questi formati?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non esportato</translation>
    </message>
    <message>
        <source>CSV (*.csv);;3D Slicer markups (*.mrk.json);;3D Slicer fiducials (*.fcsv);;MeshLab picked points (*.pp);;TPS (*.tps)</source>
        <translation>CSV (*.csv);;Markup di 3D Slicer (*.mrk.json);;Fiducial di 3D Slicer (*.fcsv);;Punti selezionati di MeshLab (*.pp);;TPS (*.tps)</translation>
    </message>
    <message>
        <source>LA-FAS landmarks (*.txt);;</source>
        <translation>Landmark LA-FAS (*.txt);;</translation>
    </message>
    <message>
        <source>Export landmarks</source>
        <translation>Esporta landmark</translation>
    </message>
    <message>
        <source>%1: not exported: %2 marked missing, and an LA-FAS file holds all 50 positions; export as .csv, .mrk.json, .fcsv, .pp or .tps to keep the missing ones missing</source>
        <translation>%1: non esportato: landmark segnati come mancanti (%2), e un file LA-FAS contiene tutte le 50 posizioni; esporta come .csv, .mrk.json, .fcsv, .pp o .tps per mantenere mancanti quelli mancanti</translation>
    </message>
    <message>
        <source>%1 is the case&apos;s own annotation. Replace it with the reviewed landmarks? The original cannot be brought back.</source>
        <translation>%1 è l&apos;annotazione propria del caso. Vuoi sostituirla con i landmark revisionati? L&apos;originale non potrà essere ripristinato.</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 esiste già. Vuoi sostituirlo?</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Sostituire il file?</translation>
    </message>
    <message>
        <source>Not exported: %1 was kept as it is</source>
        <translation>Non esportato: %1 è stato lasciato com&apos;era</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 esportato</translation>
    </message>
    <message>
        <source>Import landmarks onto %1</source>
        <translation>Importa landmark su %1</translation>
    </message>
    <message>
        <source>Landmark files (*.txt *.csv *.mrk.json *.json *.fcsv *.pp *.tps);;All files (*)</source>
        <translation>File di landmark (*.txt *.csv *.mrk.json *.json *.fcsv *.pp *.tps);;Tutti i file (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n landmark(s) from %1</source>
        <translation>
            <numerusform>Importato %n landmark da %1</numerusform>
            <numerusform>Importati %n landmark da %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not in the file kept as they were</source>
        <translation>
            <numerusform>; %n non presente nel file lasciato com&apos;era</numerusform>
            <numerusform>; %n non presenti nel file lasciati com&apos;erano</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Labels that name no landmark of %2: %3.</source>
        <translation>%1. Etichette che non indicano alcun landmark di %2: %3.</translation>
    </message>
    <message>
        <source>Mark the case done?</source>
        <translation>Segnare il caso come completato?</translation>
    </message>
    <message numerus="yes">
        <source>%n landmark(s) of %1 are not reviewed yet (the first is %2). Mark the case done anyway?</source>
        <translation>
            <numerusform>%n landmark di %1 non è ancora revisionato (è %2). Segnare comunque il caso come completato?</numerusform>
            <numerusform>%n landmark di %1 non sono ancora revisionati (il primo è %2). Segnare comunque il caso come completato?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not marked done: %n landmark(s) still to review</source>
        <translation>
            <numerusform>Non segnato come completato: %n landmark ancora da revisionare</numerusform>
            <numerusform>Non segnato come completato: %n landmark ancora da revisionare</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreviewed only</source>
        <translation>Solo non revisionati</translation>
    </message>
    <message>
        <source>Show only the landmarks nobody has confirmed, corrected, placed or marked missing; click a column header to sort (Error: worst first)</source>
        <translation>Mostra solo i landmark che nessuno ha confermato, corretto, posizionato o segnato come mancanti; fai clic sull&apos;intestazione di una colonna per ordinare (Errore: prima i peggiori)</translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Not done only</source>
        <translation>Solo non completati</translation>
    </message>
    <message>
        <source>Hide the cases marked done; click a column header to sort (Mean error: worst first)</source>
        <translation>Nascondi i casi segnati come completati; fai clic sull&apos;intestazione di una colonna per ordinare (Errore medio: prima i peggiori)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Every landmark is reviewed: mark the case done with Ctrl+D</source>
        <translation>Tutti i landmark sono revisionati: segna il caso come completato con Ctrl+D</translation>
    </message>
    <message>
        <source>Select a landmark in the table first, then click where it belongs</source>
        <translation>Seleziona prima un landmark nella tabella, poi fai clic dove va posizionato</translation>
    </message>
    <message>
        <source>%1 is locked: unlock it in the landmark table to place it</source>
        <translation>%1 è bloccato: sbloccalo nella tabella dei landmark per posizionarlo</translation>
    </message>
    <message>
        <source>Placed %1 (P places again, Ctrl+Z undoes)</source>
        <translation>%1 posizionato (P lo posiziona di nuovo, Ctrl+Z annulla)</translation>
    </message>
    <message>
        <source>Predicting %1</source>
        <translation>Predizione di %1</translation>
    </message>
    <message>
        <source>Predicting %1 cases</source>
        <translation>Predizione di %1 casi</translation>
    </message>
    <message>
        <source>%1 predicted the %2, but this case&apos;s review holds %3 landmarks you edited: the prediction was saved beside the case, not applied.</source>
        <translation>%1 ha predetto %2, ma la revisione di questo caso contiene landmark %3 che hai modificato: la predizione è stata salvata accanto al caso, non applicata.</translation>
    </message>
    <message>
        <source>Predicted %1 with %2</source>
        <translation>%1 predetto con %2</translation>
    </message>
    <message>
        <source>Prediction cancelled after %1 case(s)</source>
        <translation>Predizione annullata; casi predetti: %1</translation>
    </message>
    <message>
        <source>Predicted %1 case(s)</source>
        <translation>Casi predetti: %1</translation>
    </message>
    <message>
        <source>Choose a PAL-Net model</source>
        <translation>Scegli un modello PAL-Net</translation>
    </message>
    <message>
        <source>Model bundles (*.palnet)</source>
        <translation>Pacchetti del modello (*.palnet)</translation>
    </message>
    <message>
        <source>Dataset to Train On</source>
        <translation>Dataset su cui addestrare</translation>
    </message>
    <message>
        <source>Predictions now use %1 again (Ctrl+R predicts this case with it)</source>
        <translation>Le predizioni usano di nuovo %1 (Ctrl+R predice questo caso con esso)</translation>
    </message>
    <message>
        <source>Predictions use %1 (click: the models list)</source>
        <translation>Le predizioni usano %1 (clic: l&apos;elenco dei modelli)</translation>
    </message>
    <message>
        <source>&amp;Back to %1</source>
        <translation>&amp;Torna a %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Front</source>
        <translation>&amp;Frontale</translation>
    </message>
    <message>
        <source>&amp;Left Side</source>
        <translation>Lato &amp;sinistro</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Right Side</source>
        <translation>Lato &amp;destro</translation>
    </message>
    <message>
        <source>&amp;Top</source>
        <translation>Dall&apos;&amp;alto</translation>
    </message>
    <message>
        <source>&amp;Bottom</source>
        <translation>Dal &amp;basso</translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation>Ctrl+7</translation>
    </message>
    <message>
        <source>Landmark &amp;Labels</source>
        <translation>&amp;Etichette dei landmark</translation>
    </message>
    <message>
        <source>&amp;Ground Truth</source>
        <translation>&amp;Ground truth</translation>
    </message>
    <message>
        <source>&amp;Prediction</source>
        <translation>&amp;Predizione</translation>
    </message>
    <message>
        <source>&amp;Error Lines</source>
        <translation>&amp;Linee di errore</translation>
    </message>
    <message>
        <source>Error L&amp;egend</source>
        <translation>Lege&amp;nda degli errori</translation>
    </message>
    <message>
        <source>&amp;Display Settings...</source>
        <translation>&amp;Impostazioni di visualizzazione...</translation>
    </message>
    <message>
        <source>&amp;Tips Bar</source>
        <translation>Barra dei s&amp;uggerimenti</translation>
    </message>
    <message>
        <source>Error Legend &amp;Position</source>
        <translation>P&amp;osizione della legenda degli errori</translation>
    </message>
    <message>
        <source>Bottom Right</source>
        <translation>In basso a destra</translation>
    </message>
    <message>
        <source>Top Right</source>
        <translation>In alto a destra</translation>
    </message>
    <message>
        <source>Bottom Left</source>
        <translation>In basso a sinistra</translation>
    </message>
    <message>
        <source>Top Left</source>
        <translation>In alto a sinistra</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Conferma</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Posiziona</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completa</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predici</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Manuale</translation>
    </message>
    <message>
        <source>%1 (%2), ground truth</source>
        <extracomment>%1 is a landmark&apos;s key, %2 its name; %3 a distance in millimetres</extracomment>
        <translation>%1 (%2), ground truth</translation>
    </message>
    <message>
        <source>%1 (%2), ground truth, %3 mm from the working landmark</source>
        <translation>%1 (%2), ground truth, a %3 mm dal landmark di lavoro</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <extracomment>%1 is a landmark&apos;s key, %2 its name, %3 its status; %4 a distance in millimetres</extracomment>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>%1 (%2), %3, %4 mm from ground truth</source>
        <translation>%1 (%2), %3, a %4 mm dalla ground truth</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ripeti</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>D&amp;ispositivo</translation>
    </message>
    <message>
        <source>&amp;Automatic (a GPU when there is one)</source>
        <translation>&amp;Automatico (una GPU quando c&apos;è)</translation>
    </message>
    <message>
        <source>&amp;CPU</source>
        <translation>&amp;CPU</translation>
    </message>
    <message>
        <source>CUDA &amp;GPU</source>
        <translation>&amp;GPU CUDA</translation>
    </message>
    <message>
        <source>CPU</source>
        <extracomment>the device predictions run on: &quot;cpu&quot; or &quot;cuda&quot; once known, else the preference</extracomment>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>automatic device</source>
        <translation>dispositivo automatico</translation>
    </message>
    <message>
        <source>Model: &lt;a href=&quot;models&quot;&gt;%1&lt;/a&gt; on %2</source>
        <translation>Modello: &lt;a href=&quot;models&quot;&gt;%1&lt;/a&gt; su %2</translation>
    </message>
    <message>
        <source>&amp;History...</source>
        <translation>&amp;Cronologia...</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Case History</source>
        <translation>Cronologia del caso</translation>
    </message>
    <message>
        <source>T&amp;olerance Spheres</source>
        <translation>Sfere di t&amp;olleranza</translation>
    </message>
    <message>
        <source>Shift+T</source>
        <translation>Shift+T</translation>
    </message>
    <message>
        <source>Print Review &amp;Report (PDF)...</source>
        <translation>Stampa &amp;rapporto di revisione (PDF)...</translation>
    </message>
    <message>
        <source>A page to print and sign: the saved review with front and side views, the landmark table, the checks, the history and the sign-off</source>
        <translation>Una pagina da stampare e firmare: la revisione salvata con le viste frontale e laterale, la tabella dei landmark, i controlli, la cronologia e l&apos;approvazione</translation>
    </message>
    <message>
        <source>Save before the report?</source>
        <translation>Salvare prima del rapporto?</translation>
    </message>
    <message>
        <source>The report shows the review as it is saved, and %1 has unsaved changes. Save them first?</source>
        <translation>Il rapporto mostra la revisione così come è salvata, e %1 ha modifiche non salvate. Salvarle prima?</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>Nessun rapporto scritto</translation>
    </message>
    <message>
        <source>Print review report</source>
        <translation>Stampa il rapporto di revisione</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1: no report written: the case has unsaved changes (save first)</source>
        <translation>%1: nessun rapporto scritto: il caso ha modifiche non salvate (salvare prima)</translation>
    </message>
    <message>
        <source>Report on %1</source>
        <translation>Rapporto su %1</translation>
    </message>
    <message>
        <source>Wrote the review report %1</source>
        <translation>Rapporto di revisione scritto: %1</translation>
    </message>
    <message>
        <source>No report written (cancelled)</source>
        <translation>Nessun rapporto scritto (annullato)</translation>
    </message>
    <message>
        <source>&amp;Reviewer Name...</source>
        <translation>Nome del &amp;revisore...</translation>
    </message>
    <message>
        <source>The name your changes and sign-offs are recorded under (the login name unless you set one)</source>
        <translation>Il nome con cui vengono registrate le tue modifiche e approvazioni (il nome di accesso, se non ne imposti uno)</translation>
    </message>
    <message>
        <source>%1 marked done, signed off as %2 (Case &gt; Reviewer Name to change the name)</source>
        <extracomment>%1 a case&apos;s id, %2 the reviewer&apos;s name</extracomment>
        <translation>%1 segnato come completato, approvato come %2 (Caso &gt; Nome del revisore per cambiare il nome)</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Nome del revisore</translation>
    </message>
    <message>
        <source>Your changes and sign-offs are recorded under this name, in the history and on the printed report. Leave it empty to use the login name (%1).</source>
        <extracomment>%1 the login name, used when no name is set</extracomment>
        <translation>Le tue modifiche e approvazioni vengono registrate con questo nome, nella cronologia e nel rapporto stampato. Lascialo vuoto per usare il nome di accesso (%1).</translation>
    </message>
    <message>
        <source>Changes are recorded as %1</source>
        <extracomment>%1 the reviewer&apos;s name</extracomment>
        <translation>Le modifiche vengono registrate come %1</translation>
    </message>
    <message>
        <source>; reviewer: %1</source>
        <extracomment>%1 the name edits and sign-offs are recorded under (Case &gt; Reviewer Name)</extracomment>
        <translation>; revisore: %1</translation>
    </message>
    <message>
        <source>Indexing the surface of %1</source>
        <translation>Indicizzazione della superficie di %1</translation>
    </message>
</context>
<context>
    <name>pal::ui::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Addestrato su</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Loss di validazione</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>Su disco</translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation>Usa questo modello</translation>
    </message>
    <message>
        <source>Model Card</source>
        <translation>Scheda del modello</translation>
    </message>
    <message>
        <source>Remove Checkpoint Files</source>
        <translation>Rimuovi file di checkpoint</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>Aggiungi...</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (predefinito)</translation>
    </message>
    <message>
        <source> - in use</source>
        <translation> - in uso</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>non leggibile</translation>
    </message>
    <message>
        <source>none (from scratch)</source>
        <translation>nessuno (da zero)</translation>
    </message>
    <message>
        <source>%1 (%2, %3 cases)</source>
        <translation>%1 (%2, %3 casi)</translation>
    </message>
    <message>
        <source>, generated</source>
        <translation>, generato</translation>
    </message>
    <message>
        <source>%1 (epoch %2)</source>
        <translation>%1 (epoca %2)</translation>
    </message>
    <message>
        <source>
PAL-Net (%1), patch size %2, %3 weights</source>
        <translation>
PAL-Net (%1), dimensione della patch %2, pesi %3</translation>
    </message>
    <message>
        <source>
Trained on generated data: not for clinical use.</source>
        <translation>
Addestrato su dati generati: non per uso clinico.</translation>
    </message>
    <message>
        <source> + %1 checkpoint files (a run in progress)</source>
        <translation> + %1 di file di checkpoint (un&apos;esecuzione in corso)</translation>
    </message>
    <message>
        <source> + %1 checkpoint files</source>
        <translation> + %1 di file di checkpoint</translation>
    </message>
    <message>
        <source>
A cancelled run left %1 file(s) beside it (%2): Resume in the training dialog continues it, Remove Checkpoint Files frees the space.</source>
        <translation>
Un&apos;esecuzione annullata ha lasciato %1 file accanto a esso (%2): Riprendi nella finestra di addestramento la continua, Rimuovi file di checkpoint libera lo spazio.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s), %1 on disk</source>
        <translation>
            <numerusform>%n modello, %1 su disco</numerusform>
            <numerusform>%n modelli, %1 su disco</numerusform>
        </translation>
    </message>
    <message>
        <source>, of which %1 are training checkpoint files</source>
        <translation>, di cui %1 sono file di checkpoint dell&apos;addestramento</translation>
    </message>
    <message>
        <source>Back to Previous</source>
        <translation>Torna al precedente</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>Torna a %1</translation>
    </message>
    <message>
        <source>Add a PAL-Net model</source>
        <translation>Aggiungi un modello PAL-Net</translation>
    </message>
    <message>
        <source>Model bundles (*.palnet)</source>
        <translation>Pacchetti del modello (*.palnet)</translation>
    </message>
    <message>
        <source>Add Model</source>
        <translation>Aggiungi modello</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>Impossibile usare %1: %2</translation>
    </message>
    <message>
        <source>Model Card: %1</source>
        <translation>Scheda del modello: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>%1 has no model card (%2 is missing).</source>
        <translation>%1 non ha una scheda del modello (manca %2).</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n checkpoint file(s) a cancelled run of %1 left (%2)? The run can then no longer be resumed; %1 itself stays.</source>
        <translation>
            <numerusform>Vuoi rimuovere %n file di checkpoint lasciato da un&apos;esecuzione annullata di %1 (%2)? L&apos;esecuzione non potrà più essere ripresa; %1 resta.</numerusform>
            <numerusform>Vuoi rimuovere i %n file di checkpoint lasciati da un&apos;esecuzione annullata di %1 (%2)? L&apos;esecuzione non potrà più essere ripresa; %1 resta.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pal::ui::PredictionController</name>
    <message>
        <source>A prediction is running: wait for it or cancel it first</source>
        <translation>È in corso una predizione: attendi che finisca o annullala prima</translation>
    </message>
    <message>
        <source>No model to predict with: choose one with Model &gt; Choose Model... (%1 does not exist)</source>
        <translation>Nessun modello con cui predire: scegline uno con Modello &gt; Scegli modello... (%1 non esiste)</translation>
    </message>
</context>
<context>
    <name>pal::ui::TrainingDialog</name>
    <message>
        <source>Train or Fine-tune PAL-Net</source>
        <translation>Addestra o affina PAL-Net</translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>Cambia...</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Dataset:</translation>
    </message>
    <message>
        <source>Ground truth (each case&apos;s landmarks.txt)</source>
        <translation>Ground truth (il landmarks.txt di ogni caso)</translation>
    </message>
    <message>
        <source>The clinician&apos;s reviewed landmarks (complete reviews only)</source>
        <translation>I landmark revisionati dal clinico (solo revisioni complete)</translation>
    </message>
    <message>
        <source>Both: the review where it is complete, else the ground truth</source>
        <translation>Entrambi: la revisione dove è completa, altrimenti la ground truth</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>Addestra su:</translation>
    </message>
    <message>
        <source>None: train from scratch</source>
        <translation>Nessuno: addestra da zero</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Scegli...</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Parti da:</translation>
    </message>
    <message>
        <source>Adam&apos;s starting learning rate. Fine-tuning needs a much lower one than training from scratch: a high rate throws the parent&apos;s weights off in the first step.</source>
        <translation>Tasso di apprendimento iniziale di Adam. L&apos;affinamento (fine-tuning) richiede un valore molto più basso dell&apos;addestramento da zero: un valore alto stravolge i pesi del modello padre già al primo passo.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Tasso di apprendimento:</translation>
    </message>
    <message>
        <source> of 3 blocks</source>
        <translation> di 3 blocchi</translation>
    </message>
    <message>
        <source>Fine-tuning: the first convolution blocks (and their attention) keep the parent&apos;s weights</source>
        <translation>Affinamento: i primi blocchi di convoluzione (e la loro attenzione) mantengono i pesi del modello padre</translation>
    </message>
    <message>
        <source>Frozen:</source>
        <translation>Congelati:</translation>
    </message>
    <message>
        <source> vertices</source>
        <translation> vertici</translation>
    </message>
    <message>
        <source>Patch size:</source>
        <translation>Dimensione della patch:</translation>
    </message>
    <message>
        <source>PAL-Net (attention)</source>
        <translation>PAL-Net (attenzione)</translation>
    </message>
    <message>
        <source>Ablation: no attention</source>
        <translation>Ablazione: nessuna attenzione</translation>
    </message>
    <message>
        <source>Ablation: top-k attention</source>
        <translation>Ablazione: attenzione top-k</translation>
    </message>
    <message>
        <source>Ablation: two blocks</source>
        <translation>Ablazione: due blocchi</translation>
    </message>
    <message>
        <source>Ablation: no dropout</source>
        <translation>Ablazione: nessun dropout</translation>
    </message>
    <message>
        <source>The network trained from scratch; a fine-tune keeps its model&apos;s network</source>
        <translation>La rete addestrata da zero; un affinamento mantiene la rete del suo modello</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Rete:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epoche:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seme:</translation>
    </message>
    <message>
        <source>float16 (half the size; errors change by about 0.002 mm)</source>
        <translation>float16 (metà della dimensione; gli errori cambiano di circa 0.002 mm)</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>The precision of the weights in the model written. The run&apos;s checkpoint files are removed when it ends; only this bundle stays.</source>
        <translation>La precisione dei pesi nel modello scritto. I file di checkpoint dell&apos;esecuzione vengono rimossi al termine; resta solo questo pacchetto.</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Pesi:</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Sfoglia...</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Scrivi in:</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>loss di addestramento</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>loss di validazione</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoca</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Per landmark, after a run: the model it would replace and the new one, side by side</source>
        <translation>Per landmark, dopo un&apos;esecuzione: il modello che sostituirebbe e quello nuovo, affiancati</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Avvia</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Continue the run whose checkpoint is &lt;output&gt;.ckpt.json</source>
        <translation>Continua l&apos;esecuzione il cui checkpoint è &lt;output&gt;.ckpt.json</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation>Usa questo modello</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>(none: choose a dataset folder)</source>
        <translation>(nessuno: scegli una cartella di dataset)</translation>
    </message>
    <message>
        <source>No case qualifies: %1.</source>
        <translation>Nessun caso idoneo: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) qualify</source>
        <translation>
            <numerusform>%n caso idoneo</numerusform>
            <numerusform>%n casi idonei</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 from reviews, %2 ground truth)</source>
        <translation> (%1 dalle revisioni, %2 dalla ground truth)</translation>
    </message>
    <message>
        <source>; about 20 % of them are held out for validation and the comparison.</source>
        <translation>; circa il 20% di essi viene riservato alla validazione e al confronto.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) do not qualify</source>
        <translation>
            <numerusform>%n caso non è idoneo</numerusform>
            <numerusform>%n casi non sono idonei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n excluded)</source>
        <translation>
            <numerusform>(%n escluso)</numerusform>
            <numerusform>(%n esclusi)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot count the cases: %1</source>
        <translation>Impossibile contare i casi: %1</translation>
    </message>
    <message>
        <source>Dataset to Train On</source>
        <translation>Dataset su cui addestrare</translation>
    </message>
    <message>
        <source>Model to Start From</source>
        <translation>Modello da cui partire</translation>
    </message>
    <message>
        <source>PAL-Net models (*.palnet)</source>
        <translation>Modelli PAL-Net (*.palnet)</translation>
    </message>
    <message>
        <source>Write the Model To</source>
        <translation>Scrivi il modello in</translation>
    </message>
    <message>
        <source>%1 is not clearly better than %2, the model it would replace.</source>
        <translation>%1 non è chiaramente migliore di %2, il modello che sostituirebbe.</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Mantieni %1</translation>
    </message>
    <message>
        <source>Use Anyway</source>
        <translation>Usa comunque</translation>
    </message>
    <message>
        <source>Predictions still use %1</source>
        <translation>Le predizioni usano ancora %1</translation>
    </message>
    <message>
        <source>Predictions now use %1</source>
        <translation>Le predizioni ora usano %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Addestramento</translation>
    </message>
    <message>
        <source>Training is running. Cancel it and close? The last checkpoint stays, and Resume continues from it.</source>
        <translation>L&apos;addestramento è in corso. Vuoi annullarlo e chiudere? L&apos;ultimo checkpoint resta e Riprendi continua da lì.</translation>
    </message>
    <message>
        <source>Write the new model to another file: the model you start from stays untouched.</source>
        <translation>Scrivi il nuovo modello in un altro file: il modello da cui parti resta intatto.</translation>
    </message>
    <message>
        <source>Training...</source>
        <translation>Addestramento...</translation>
    </message>
    <message>
        <source>Resuming...</source>
        <translation>Ripresa...</translation>
    </message>
    <message>
        <source>Epoch 0/%1: the parent before fine-tuning: training %2, validation %3%4</source>
        <translation>Epoca 0/%1: il modello padre prima dell&apos;affinamento: addestramento %2, validazione %3%4</translation>
    </message>
    <message>
        <source> (from the checkpoint)</source>
        <translation> (dal checkpoint)</translation>
    </message>
    <message>
        <source>Epoch %1/%2: training %3, validation %4, learning rate %5, %6 s%7%8</source>
        <translation>Epoca %1/%2: addestramento %3, validazione %4, tasso di apprendimento %5, %6 s%7%8</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation> (migliore)</translation>
    </message>
    <message>
        <source>Cancelling after the current batch...</source>
        <translation>Annullamento dopo il batch corrente...</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoint files were not all removed: %1</source>
        <translation>Non tutti i file di checkpoint dell&apos;esecuzione sono stati rimossi: %1</translation>
    </message>
    <message>
        <source>Removed the run&apos;s checkpoint files (%1 MB).</source>
        <translation>File di checkpoint dell&apos;esecuzione rimossi (%1 MB).</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Addestramento non riuscito: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 epoch(s): Resume continues from the checkpoint.</source>
        <translation>Annullato dopo %1 epoca/e: Riprendi continua dal checkpoint.</translation>
    </message>
    <message>
        <source>No epoch beat %1 on the validation cases (its loss %2 before fine-tuning): no model was written, and %1 stays in use.</source>
        <translation>Nessuna epoca ha superato %1 sui casi di validazione (la sua loss era %2 prima dell&apos;affinamento): non è stato scritto alcun modello e %1 resta in uso.</translation>
    </message>
    <message>
        <source>Done: nothing better than the parent.</source>
        <translation>Completato: niente di meglio del modello padre.</translation>
    </message>
    <message>
        <source>Trained %1 epoch(s), best %2; comparing with %3 on the validation cases...</source>
        <translation>Addestrate %1 epoca/e, migliore %2; confronto con %3 sui casi di validazione...</translation>
    </message>
    <message>
        <source>Comparing %1 with %2</source>
        <translation>Confronto di %1 con %2</translation>
    </message>
    <message>
        <source>the run has no validation case to compare on</source>
        <translation>l&apos;esecuzione non ha casi di validazione su cui fare il confronto</translation>
    </message>
    <message>
        <source>validation case(s), not trained on</source>
        <translation>caso/i di validazione, non usati per l&apos;addestramento</translation>
    </message>
    <message>
        <source>Comparison cancelled: the new model was not compared with %1.</source>
        <translation>Confronto annullato: il nuovo modello non è stato confrontato con %1.</translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation>Confronto non riuscito: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Completato: %1</translation>
    </message>
</context>
<context>
    <name>pal::ui::ViewportWidget</name>
    <message>
        <source>%1, ground truth</source>
        <translation>%1, ground truth</translation>
    </message>
    <message>
        <source>%1, predicted</source>
        <translation>%1, predetto</translation>
    </message>
    <message>
        <source>%1, ground truth, %2 mm from the prediction</source>
        <extracomment>%1 names the landmark, %2 is a distance in millimetres</extracomment>
        <translation>%1, ground truth, a %2 mm dalla predizione</translation>
    </message>
    <message>
        <source>%1, predicted, %2 mm from ground truth</source>
        <translation>%1, predetto, a %2 mm dalla ground truth</translation>
    </message>
    <message>
        <source>surface %1, %2, %3 mm</source>
        <translation>superficie %1, %2, %3 mm</translation>
    </message>
    <message>
        <source>error (mm)</source>
        <translation>errore (mm)</translation>
    </message>
</context>
</TS>
