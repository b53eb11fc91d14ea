import type { LearnPaper } from '../../src/learn/learn-paper.js';

/** Three topics a reader can tell apart, five papers each, written like arXiv abstracts. */
export const TOPIC_PAPERS: Record<'graphs' | 'speech' | 'robots', LearnPaper[]> = {
  graphs: [
    paper('g1', 'Message passing graph neural networks for molecule property prediction', 'We train a message passing graph neural network on molecular graphs whose nodes are atoms and edges bonds, and predict solubility.', ['Ada Lovelace']),
    paper('g2', 'Oversmoothing in deep graph neural networks', 'Stacking many graph convolution layers makes node embeddings alike; we bound oversmoothing on sparse graphs and propose residual node updates.', ['Grace Hopper']),
    paper('g3', 'Graph transformers for node classification on citation graphs', 'Attention over graph neighbourhoods classifies nodes of citation graphs; positional encodings from the graph Laplacian help.', ['Alan Turing']),
    paper('g4', 'Link prediction in knowledge graphs with graph neural networks', 'A graph neural network scores missing edges of a knowledge graph from node embeddings and relation types.', ['Edsger Dijkstra']),
    paper('g5', 'Scalable graph sampling for training graph neural networks on billion-edge graphs', 'Neighbourhood sampling of nodes and edges trains graph neural networks on graphs too large for memory.', ['Barbara Liskov']),
  ],
  speech: [
    paper('s1', 'Streaming speech recognition with transducer models', 'A recurrent neural transducer transcribes speech audio as it streams, with low latency on spoken utterances.', ['Claude Shannon']),
    paper('s2', 'Self-supervised speech representations for low-resource speech recognition', 'Pretraining on unlabeled speech audio improves word error rate of speech recognition in languages with little transcribed speech.', ['Hedy Lamarr']),
    paper('s3', 'Speaker diarization of meeting audio', 'We segment meeting audio by speaker with speech embeddings and clustering, lowering diarization error on spoken meetings.', ['Karen Spärck Jones']),
    paper('s4', 'Noise robust speech recognition with audio augmentation', 'Adding noise and reverberation to training audio makes speech recognition robust in noisy rooms.', ['John McCarthy']),
    paper('s5', 'Text to speech synthesis with diffusion models', 'A diffusion model generates speech audio waveforms from text with natural prosody for many speakers.', ['Frances Allen']),
  ],
  robots: [
    paper('r1', 'Learning robot grasping from demonstrations', 'A robot arm learns to grasp household objects from human demonstrations with a gripper and a camera.', ['Rodney Brooks']),
    paper('r2', 'Sim-to-real transfer for legged robot locomotion', 'A quadruped robot policy trained in simulation walks on real terrain after domain randomization of robot dynamics.', ['Cynthia Breazeal']),
    paper('r3', 'Tactile sensing for dexterous robot manipulation', 'Tactile sensors on robot fingers guide in-hand manipulation of small objects by a dexterous robot hand.', ['Daniela Rus']),
    paper('r4', 'Language-conditioned robot manipulation policies', 'A robot follows spoken instructions to manipulate objects on a table, grounding language in robot actions.', ['Sebastian Thrun']),
    paper('r5', 'Motion planning for mobile robots in crowds', 'A mobile robot plans collision-free motion among walking people using predicted pedestrian trajectories.', ['Manuela Veloso']),
  ],
};

function paper(id: string, title: string, abstract: string, authors: string[]): LearnPaper {
  return { id, title, abstract, authors };
}
