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

#include <cstddef>
#include <vector>

namespace pal {

// Throws ValidationError naming the variable when a value is not a number or out of range.
DistributedOptions distributedFromEnvironment(
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

// Which of `count` items (cases to predict, in their order) process `rank` of `worldSize`
// takes: whole batches of batchSize in turn, batch j to process j mod worldSize. Each forward
// pass then holds exactly the cases one process would have put together, and the network's
// float sums (which depend on the batch they run in, in the last bits) give the same bytes as
// one process, provided every case can be read (a failed case shifts one process's batches)
// and the processes run the same number of threads. With fewer cases than a batch, rank 0
// takes them all. Indices in increasing order.
std::vector<std::size_t> shareOfBatches(std::size_t count, int rank, int worldSize, int batchSize);
// The process whose share (shareOfBatches) holds item `index`.
int processOfItem(std::size_t index, int worldSize, int batchSize);

} // namespace pal
