/** Library exports as Zotero and JabRef write them, written for these tests (made-up libraries of real-looking papers). */

// Zotero 7 "Export Library… → BibTeX": @misc for arXiv preprints, the ID in url, doi and note; urldate the day saved.
export const ZOTERO_BIBTEX = `
@misc{vaswani_attention_2017,
\ttitle = {Attention {Is} {All} {You} {Need}},
\turl = {http://arxiv.org/abs/1706.03762},
\tdoi = {10.48550/arXiv.1706.03762},
\tabstract = {The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration.},
\turldate = {2024-03-05},
\tpublisher = {arXiv},
\tauthor = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob},
\tmonth = aug,
\tyear = {2023},
\tnote = {arXiv:1706.03762 [cs]},
\tkeywords = {Computer Science - Computation and Language, Computer Science - Machine Learning},
}

@article{erdos_random_1959,
\ttitle = {On random graphs {I}},
\tvolume = {6},
\tjournal = {Publicationes Mathematicae Debrecen},
\tauthor = {Erd{\\H o}s, Paul and R{\\'e}nyi, Alfr{\\'e}d},
\tyear = {1959},
\tpages = {290--297},
}

@inproceedings{goedel_pruning_2021,
\taddress = {M{\\"u}nchen},
\ttitle = {G{\\"o}del {Meets} {Transformers}: \\emph{Pruning} via {\\"{u}}ber-sparse $\\alpha$-attention},
\tbooktitle = {Proceedings of the {Workshop} on {Logic} \\& {Learning}},
\tpublisher = {{Association for Computational Linguistics}},
\tauthor = {M{\\"u}ller, J{\\"u}rgen and Fran{\\c c}ois, Ren{\\'e}e and {Barnes and Noble Research} and others},
\tyear = {2021},
\turldate = {2024-11-20},
\tabstract = "We prune {\\"O}-style heads -- keeping 10\\% of them.",
}
`;

// JabRef 5.x: eprint with eprinttype, creationdate the day added, an @string macro and a @comment of its settings.
export const JABREF_BIBTEX = `% Encoding: UTF-8

@String{neurips = {Advances in Neural Information Processing Systems}}

@InProceedings{He2016,
  author       = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle    = neurips # { 29},
  title        = {Deep Residual Learning for Image Recognition},
  year         = {2016},
  eprint       = {1512.03385v1},
  eprinttype   = {arXiv},
  creationdate = {2023-01-15T09:30:00},
}

@Article{Kingma2014,
  author    = {Kingma, Diederik P. and Ba, Jimmy},
  title     = {{Adam}: A Method for Stochastic Optimization},
  abstract  = {We introduce Adam, an algorithm for first-order gradient-based optimization.},
  timestamp = {2022-06-01},
  archivePrefix = {arXiv},
  eprint = {1412.6980},
}

@Comment{jabref-meta: databaseType:biblatex;}
`;

// Zotero "Export Library… → RIS": Y2 is the day saved (access date), DA the day published.
export const ZOTERO_RIS = [
  'TY  - PREP',
  'TI  - Language Models are Few-Shot Learners',
  'AU  - Brown, Tom B.',
  'AU  - Mann, Benjamin',
  'AB  - Recent work has demonstrated substantial gains on many NLP tasks and benchmarks by pre-training',
  'on a large corpus of text followed by fine-tuning on a specific task.',
  'DA  - 2020/07/22/',
  'PY  - 2020',
  'DO  - 10.48550/arXiv.2005.14165',
  'DP  - arXiv.org',
  'PB  - arXiv',
  'UR  - http://arxiv.org/abs/2005.14165',
  'Y2  - 2024/02/10/14:03:11',
  'N1  - arXiv:2005.14165 [cs]',
  'KW  - Computer Science - Computation and Language',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - Mastering the game of Go with deep neural networks and tree search',
  'AU  - Silver, David',
  'T2  - Nature',
  'DA  - 2016/01//',
  'PY  - 2016',
  'VL  - 529',
  'ER  - ',
  '',
].join('\r\n');

// Zotero "Export Library… → CSL JSON".
export const ZOTERO_CSL_JSON = JSON.stringify(
  [
    {
      id: 'http://zotero.org/users/1234567/items/ABCD2345',
      type: 'article',
      title: 'Denoising Diffusion Probabilistic Models',
      abstract: 'We present high quality image synthesis results using diffusion probabilistic models.',
      URL: 'http://arxiv.org/abs/2006.11239',
      DOI: '10.48550/arXiv.2006.11239',
      number: 'arXiv:2006.11239',
      publisher: 'arXiv',
      note: 'arXiv:2006.11239 [cs]',
      author: [
        { family: 'Ho', given: 'Jonathan' },
        { family: 'Jain', given: 'Ajay' },
        { literal: 'Google Brain' },
      ],
      accessed: { 'date-parts': [['2024', 5, 2]] },
      issued: { 'date-parts': [['2020', 12, 16]] },
    },
    {
      id: 'http://zotero.org/users/1234567/items/EFGH6789',
      type: 'article-journal',
      title: 'Long Short-Term Memory',
      'container-title': 'Neural Computation',
      author: [{ family: 'Hochreiter', given: 'Sepp' }, { family: 'Schmidhuber', given: 'Jürgen' }],
      issued: { 'date-parts': [[1997, 11, 15]] },
    },
  ],
  null,
  2,
);

// Zotero "Export Library… → Zotero RDF": dateSubmitted is the day added; an attachment, a note and a collection beside the papers.
export const ZOTERO_RDF = `<rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#"
 xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:bib="http://purl.org/net/biblio#"
 xmlns:foaf="http://xmlns.com/foaf/0.1/"
 xmlns:link="http://purl.org/rss/1.0/modules/link/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
    <bib:Article rdf:about="http://arxiv.org/abs/2201.11903">
        <z:itemType>preprint</z:itemType>
        <dc:publisher>
            <foaf:Organization><foaf:name>arXiv</foaf:name></foaf:Organization>
        </dc:publisher>
        <bib:authors>
            <rdf:Seq>
                <rdf:li><foaf:Person><foaf:surname>Wei</foaf:surname><foaf:givenName>Jason</foaf:givenName></foaf:Person></rdf:li>
                <rdf:li><foaf:Person><foaf:surname>Zhou</foaf:surname><foaf:givenName>Denny</foaf:givenName></foaf:Person></rdf:li>
            </rdf:Seq>
        </bib:authors>
        <link:link rdf:resource="#item_41"/>
        <dc:title>Chain-of-Thought Prompting Elicits Reasoning in Large Language Models</dc:title>
        <dcterms:abstract>We explore how generating a chain of thought &amp; a series of intermediate reasoning steps improves reasoning.</dcterms:abstract>
        <dc:date>2023-01-10</dc:date>
        <dc:identifier>DOI 10.48550/arXiv.2201.11903</dc:identifier>
        <dc:identifier>
            <dcterms:URI><rdf:value>http://arxiv.org/abs/2201.11903</rdf:value></dcterms:URI>
        </dc:identifier>
        <dcterms:dateSubmitted>2024-04-02 08:15:30</dcterms:dateSubmitted>
        <dc:description>arXiv:2201.11903 [cs]</dc:description>
    </bib:Article>
    <z:Attachment rdf:about="#item_41">
        <z:itemType>attachment</z:itemType>
        <dc:title>arXiv Fulltext PDF</dc:title>
    </z:Attachment>
    <bib:Book rdf:about="urn:isbn:9780262035613">
        <z:itemType>book</z:itemType>
        <bib:authors><rdf:Seq><rdf:li><foaf:Person><foaf:surname>Goodfellow</foaf:surname><foaf:givenName>Ian</foaf:givenName></foaf:Person></rdf:li></rdf:Seq></bib:authors>
        <dc:title>Deep Learning</dc:title>
        <dc:date>2016</dc:date>
    </bib:Book>
    <bib:Memo rdf:about="#item_42"><rdf:value>&lt;p&gt;read chapter 6 first&lt;/p&gt;</rdf:value></bib:Memo>
    <z:Collection rdf:about="#collection_3">
        <dc:title>Reasoning</dc:title>
        <dcterms:hasPart rdf:resource="http://arxiv.org/abs/2201.11903"/>
    </z:Collection>
</rdf:RDF>
`;
