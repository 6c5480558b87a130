#pragma once

// Where the processes of a data-parallel training find each other, read the way PyTorch's
// launchers give it (docs/method.md, "Training on several processes"):
//   torchrun:  WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR, MASTER_PORT
//   SLURM:     SLURM_STEP_NUM_TASKS, SLURM_PROCID, SLURM_LOCALID (srun's, when WORLD_SIZE is
//              not set), with MASTER_ADDR and MASTER_PORT exported by the job script
//   torchrun also says that it serves the store itself (TORCHELASTIC_USE_AGENT_STORE) and
//   how often it restarted the processes (TORCHELASTIC_RESTART_COUNT).
// Nothing set: one process.

#include "core/workflow/EngineTypes.h"

#include <QProcessEnvironment>

namespace pal {

// Throws ValidationError naming the variable when a value is not a number or out of range.
DistributedOptions distributedFromEnvironment(
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

} // namespace pal
