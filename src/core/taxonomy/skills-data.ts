/**
 * The skills taxonomy as data, written by this project. Grouped by domain; each group has one
 * skill kind. Compact entry syntax (parsed once by ./index.ts):
 *
 *   Canonical Name | alias, alias > Implied Skill, Implied Skill
 *
 * Entries are separated by newlines or ';'. A surface form ending in '*' is ambiguous in prose
 * ("Go", "R", "Excel", "Spring"): it only counts when written with exactly that casing and in a
 * skill-like context (a list of skills, or next to other skills). An acronym of two to five
 * capitals ("DOE", "SAP", "HR") counts in prose only in capitals (or in lower case next to another
 * skill): "Doe" is a surname, "far" a word. A product its makers or users write in mixed case
 * lists that casing too ("COBOL | Cobol", "MATLAB | Matlab"). Implied skills must be
 * canonical names defined somewhere in this file (checked by the taxonomy tests).
 */
import type { SkillKind } from '../domain';

export interface SkillGroup {
  domain: string;
  kind: SkillKind;
  entries: string;
  /**
   * Generated from another source (O*NET): a name or alias the hand-written groups already
   * have is skipped silently there (the hand-written entry wins) instead of being an issue.
   */
  generated?: boolean;
}

export const SKILL_GROUPS: readonly SkillGroup[] = [
  {
    domain: 'software',
    kind: 'language',
    entries: `
JavaScript | JS, ECMAScript, ES6, ES2015, Vanilla JS, Javascript ES6
TypeScript | TS* > JavaScript
Python | Python3, Python 3, Python 2
Java | Java 8, Java 11, Java 17, Core Java
Kotlin; Scala; Groovy*; Clojure; Haskell; Erlang; Elixir*; OCaml; F#; Lua; Perl*; PHP; Tcl; Awk; Prolog; Racket*
C* | ANSI C, C language, C99, C11
C++ | CPP, C plus plus, C++11, C++14, C++17, C++20
C# | CSharp, C Sharp > .NET
Go* | Golang, Go language, Go lang
Rust* | Rustlang, Rust language
Ruby* | Ruby language
Swift* | Swift language, Swift 5
Objective-C | ObjC, Obj-C, Objective C
R* | R language, R programming, R Programming Language
MATLAB | Matlab
Julia* | Julia language
Dart* | Dart language
Visual Basic | VB, VB6
VB.NET > .NET
VBA | Visual Basic for Applications > Excel
COBOL | Cobol; Fortran; Ada*; Pascal*; Delphi*; ABAP; Apex*; Solidity*; Zig*; Nim*; Smalltalk*; Haxe; PureScript; ReasonML
Lisp; Common Lisp > Lisp; Scheme* > Lisp
Elm* | Elm language
CoffeeScript > JavaScript
Assembly* | Assembly Language, ASM, x86 Assembly, ARM Assembly
Bash* | Bash scripting, Bash script
Shell Scripting | shell script, shell scripts, Unix shell scripting
PowerShell | Powershell scripting
SQL | Structured Query Language, SQL queries
PL/SQL | PLSQL > SQL
T-SQL | TSQL, Transact-SQL > SQL
HTML | HTML5, HTML 5
CSS | CSS3, CSS 3
Sass | SCSS > CSS
Less.js > CSS
Verilog; VHDL; SystemVerilog
CUDA | Cuda
OpenCL
GraphQL
WebAssembly | Wasm
GLSL; HLSL
GNU Octave | Octave*
LaTeX*
Regular Expressions | regex, regexes, regexp
`,
  },
  {
    domain: 'software',
    kind: 'hard',
    entries: `
React | ReactJS, React.js, React JS, React 18 > JavaScript
React Native > React, Mobile Development
Angular | Angular 2+, Angular 17 > TypeScript
AngularJS | Angular.js, Angular JS > JavaScript
Vue.js | Vue, VueJS, Vue 3, Vue.js 3 > JavaScript
Nuxt.js | Nuxt, NuxtJS > Vue.js
Next.js | NextJS, Next JS > React
Svelte > JavaScript; SvelteKit > Svelte
Ember.js | Ember*, EmberJS > JavaScript
Backbone.js | Backbone*, BackboneJS > JavaScript
jQuery > JavaScript
Redux | Redux Toolkit > JavaScript
MobX > JavaScript; RxJS > JavaScript; Zustand > React
Node.js | NodeJS, Node JS, Node* > JavaScript
Express.js | ExpressJS, Express* > Node.js
NestJS | Nest.js > Node.js, TypeScript
Koa.js | Koa > Node.js
Fastify > Node.js
Deno > JavaScript
Gatsby* | GatsbyJS > React
Remix.run | Remix* > React
Solid.js | SolidJS > JavaScript
Preact > JavaScript
Alpine.js > JavaScript
Three.js | ThreeJS > JavaScript, WebGL
D3.js | D3, D3js > JavaScript, Data Visualization
Chart.js > JavaScript
Tailwind CSS | Tailwind, TailwindCSS > CSS
Bootstrap | Twitter Bootstrap > CSS
Material UI | MUI, Material-UI > React
Chakra UI > React
Ant Design > React
Styled Components | styled-components > React, CSS
Webpack; Vite; Babel*; ESLint; Prettier*; Rollup*; esbuild; Parcel.js; Gulp*; Grunt*
npm; Yarn*; pnpm
Storybook
Jest* > JavaScript, Unit Testing
Mocha* > JavaScript; Chai* > JavaScript; Jasmine* > JavaScript; Karma* > JavaScript
Vitest > JavaScript, Unit Testing
Cypress > End-to-End Testing
Playwright > End-to-End Testing
Selenium | Selenium WebDriver > Automated Testing
Puppeteer > JavaScript
Testing Library | React Testing Library > Unit Testing
Enzyme* > React
JUnit > Java, Unit Testing
TestNG > Java
Mockito > Java
pytest | py.test > Python, Unit Testing
RSpec > Ruby
Cucumber* > Behavior-Driven Development
Postman*; SoapUI; JMeter | Apache JMeter > Load Testing
Gatling*; Locust*; k6
Appium > Mobile Testing
Mobile Testing
Django | Django REST Framework, DRF > Python
Flask* > Python
FastAPI > Python
Tornado* > Python
Pyramid* > Python
Celery* > Python
SQLAlchemy > Python, SQL
Pydantic > Python
Ruby on Rails | Rails*, RoR > Ruby
Sinatra* > Ruby
Laravel > PHP; Symfony > PHP; CodeIgniter > PHP; CakePHP > PHP; Yii > PHP
WordPress; Drupal; Joomla; Magento; Shopify; WooCommerce; BigCommerce
Spring* | Spring Framework > Java
Spring Boot | SpringBoot > Spring, Java
Spring MVC > Spring; Spring Security > Spring; Spring Cloud > Spring
Hibernate > Java
Java EE | J2EE, Jakarta EE, JEE > Java
JSP > Java; Servlets > Java; Struts* > Java; JavaFX > Java; Swing* > Java
Apache Maven | Maven*
Gradle
Apache Ant
Play Framework > Scala
Akka > Scala
Quarkus > Java; Micronaut > Java; Vert.x > Java; Dropwizard > Java
.NET | dotnet, .NET Framework, Dot Net
.NET Core | dotnet core, .NET 6 > .NET
ASP.NET | ASP.NET MVC > .NET
ASP.NET Core > ASP.NET
Entity Framework | EF Core, Entity Framework Core > .NET
LINQ | Linq > .NET
Blazor > .NET
WPF > .NET
Windows Forms | WinForms > .NET
Xamarin > .NET, Mobile Development
.NET MAUI | MAUI > .NET
Phoenix Framework > Elixir
Gin Framework > Go
Actix > Rust; Tokio > Rust
Qt > C++
GTK
Electron* > JavaScript
Tauri > Rust
Flutter* > Dart, Mobile Development
SwiftUI > Swift, iOS
UIKit > iOS
Jetpack Compose > Kotlin, Android
Android | Android SDK, Android development, Android Studio
iOS | iOS development, iOS SDK
Cocoa*; Core Data > iOS; ARKit > iOS; CoreML > iOS
Ionic* > Mobile Development
Apache Cordova | Cordova, PhoneGap
Mobile Development | mobile app development, mobile apps, mobile applications
Web Development | web applications, web apps
Frontend Development | front-end development, frontend, front-end, front end development, front end
Backend Development | back-end development, backend, back-end, back end development
Full Stack Development | full-stack, fullstack, full stack, full-stack development
Software Development | software engineering, software design and development
Software Architecture | architecture design
API Development | API design, building APIs
REST APIs | REST*, RESTful, RESTful APIs, REST API, RESTful services, RESTful web services
SOAP | SOAP web services
gRPC
Protocol Buffers | protobuf, protobufs
WebSockets | WebSocket, websocket
OAuth | OAuth2, OAuth 2.0
OpenID Connect | OIDC
JWT | JSON Web Tokens
OpenAPI | Swagger, OpenAPI Specification
Microservices | microservice, microservices architecture, micro-services
Serverless | serverless architecture, serverless computing
Event-Driven Architecture | event driven architecture, event-driven
Domain-Driven Design | DDD, domain driven design
Object-Oriented Programming | OOP, object oriented programming, object-oriented design, OOD
Functional Programming
Design Patterns | software design patterns
System Design | systems design
Distributed Systems | distributed computing
Data Structures | data structures and algorithms, DSA
Algorithms
Multithreading | multi-threading, concurrency, concurrent programming
Asynchronous Programming | async programming
Test-Driven Development | TDD, test driven development
Behavior-Driven Development | BDD, behaviour driven development
Unit Testing | unit tests, unit test
Integration Testing | integration tests
End-to-End Testing | E2E testing, end to end testing, e2e tests
Automated Testing | test automation, automation testing
Manual Testing
Performance Testing
Load Testing | stress testing
Regression Testing
Software Testing | QA testing
Quality Assurance | QA
Code Review | code reviews
Debugging; Refactoring
Version Control | source control, version control systems
Git > Version Control
GitHub > Git; GitLab > Git; Bitbucket > Git
Subversion | SVN > Version Control
Mercurial > Version Control
CI/CD | CICD, CI CD, continuous integration, continuous delivery, continuous deployment
Jenkins > CI/CD
GitHub Actions > CI/CD
GitLab CI | GitLab CI/CD > CI/CD
CircleCI > CI/CD; Travis CI > CI/CD; TeamCity > CI/CD; Bamboo > CI/CD
Argo CD | ArgoCD > Kubernetes
Spinnaker*; Tekton
DOM | DOM manipulation
Web Components > JavaScript
Progressive Web Apps | PWA, PWAs
Responsive Design | responsive web design, mobile-first design
Web Accessibility | accessibility, a11y
WCAG > Web Accessibility
Web Performance | web performance optimization
AJAX > JavaScript
JSON | Json; XML; YAML | Yaml; Markdown*
Service Workers > JavaScript
IndexedDB > JavaScript
WebGL; WebGPU; WebRTC; SVG
Cross-Browser Compatibility | cross-browser testing
Performance Optimization | performance tuning
Scalability
Caching
Message Queues | message queue, message broker, message brokers
RabbitMQ > Message Queues
ActiveMQ > Message Queues
ZeroMQ | ZMQ > Message Queues
Apache Pulsar > Message Queues
Sidekiq > Ruby
Web Scraping | web crawling
Scrapy > Python, Web Scraping
Beautiful Soup | BeautifulSoup, bs4 > Python
Visual Studio Code | VS Code, VSCode
Visual Studio
IntelliJ IDEA | IntelliJ
PyCharm; Xcode; Vim; Emacs
Game Development | game dev, game programming
Unity* | Unity3D, Unity 3D, Unity Engine > C#
Unreal Engine | UE4, UE5, Unreal > C++
Godot | Godot Engine
Computer Graphics
OpenGL; Vulkan; DirectX
Blockchain; Ethereum > Blockchain; Smart Contracts > Blockchain; Web3 > Blockchain; Hyperledger > Blockchain
Virtual Reality | VR
Augmented Reality
Open Source | open-source, open source software, OSS
Linux Kernel > Linux, C
Device Drivers | driver development
Operating Systems | OS internals
Compilers | compiler design
Computer Architecture
Technical Leadership | tech lead
Code Optimization
Object-Relational Mapping | ORM
Prisma > Object-Relational Mapping
Sequelize > Object-Relational Mapping
TypeORM > Object-Relational Mapping
Mongoose > MongoDB
Apache Thrift
Webhooks
Feature Flags | feature toggles
Internationalization | i18n, localization, l10n
`,
  },
  {
    domain: 'cloud',
    kind: 'tool',
    entries: `
AWS | Amazon Web Services, Amazon AWS
Amazon EC2 | EC2, AWS EC2 > AWS
Amazon S3 | S3, AWS S3 > AWS
AWS Lambda | Lambda functions > AWS, Serverless
Amazon RDS | RDS, AWS RDS > AWS
DynamoDB | Amazon DynamoDB, AWS DynamoDB > AWS, NoSQL
AWS CloudFormation | CloudFormation > AWS, Infrastructure as Code
Amazon CloudWatch | CloudWatch > AWS
Amazon SQS | SQS, AWS SQS > AWS, Message Queues
Amazon SNS | SNS > AWS
Amazon ECS | ECS, AWS ECS > AWS, Containers
Amazon EKS | EKS, AWS EKS > AWS, Kubernetes
AWS Fargate | Fargate > AWS, Containers
Amazon Route 53 | Route 53, Route53 > AWS
AWS IAM > AWS
Amazon API Gateway | API Gateway > AWS
Amazon Redshift | Redshift, AWS Redshift > AWS, Data Warehousing, SQL
Amazon Kinesis | Kinesis > AWS
Amazon Athena | AWS Athena > AWS, SQL
Amazon SageMaker | SageMaker, AWS SageMaker > AWS, Machine Learning
AWS Glue > AWS, ETL
AWS Step Functions | Step Functions > AWS
AWS Elastic Beanstalk | Elastic Beanstalk > AWS
Amazon CloudFront | CloudFront > AWS
Amazon Aurora | Aurora* > AWS, SQL
AWS CDK > AWS, Infrastructure as Code
Amazon EMR | AWS EMR > AWS, Apache Spark
Amazon Bedrock > AWS, Generative AI
Microsoft Azure | Azure, MS Azure
Azure Functions > Microsoft Azure, Serverless
Azure DevOps | VSTS, Azure Pipelines > CI/CD
Azure Kubernetes Service | AKS > Microsoft Azure, Kubernetes
Azure Data Factory | ADF > Microsoft Azure, ETL
Azure Cosmos DB | Cosmos DB, CosmosDB > Microsoft Azure, NoSQL
Azure SQL Database | Azure SQL > Microsoft Azure, SQL
Azure Synapse Analytics | Azure Synapse > Microsoft Azure, Data Warehousing
Azure Active Directory | Azure AD, Entra ID > Microsoft Azure
Azure Machine Learning | Azure ML > Microsoft Azure, Machine Learning
Google Cloud | GCP, Google Cloud Platform, Google Cloud Platform (GCP)
BigQuery | Google BigQuery > Google Cloud, SQL, Data Warehousing
Google Cloud Run | Cloud Run > Google Cloud, Containers
Google Kubernetes Engine | GKE > Google Cloud, Kubernetes
Firebase; Cloud Firestore | Firestore > Firebase, NoSQL
Google Cloud Functions | Cloud Functions > Google Cloud, Serverless
Google Pub/Sub | Pub/Sub, Cloud Pub/Sub > Google Cloud
Google Cloud Dataflow | Dataflow > Google Cloud
Google Dataproc | Dataproc > Google Cloud, Apache Spark
Vertex AI > Google Cloud, Machine Learning
Google App Engine | App Engine > Google Cloud
Heroku; Vercel; Netlify; DigitalOcean; Linode; Cloudflare; OpenStack
IBM Cloud; Oracle Cloud | OCI, Oracle Cloud Infrastructure; Alibaba Cloud
Cloud Computing | cloud platforms, cloud infrastructure, cloud services
Cloud Architecture | cloud architect, cloud solutions architecture
Solution Architecture | solutions architecture
Multi-Cloud | multi-cloud, hybrid cloud
Containers | containerization, containerisation, containerized, container orchestration
Docker > Containers
Docker Compose > Docker
Docker Swarm > Docker
Kubernetes | k8s, K8S, Kubernetes (K8s) > Containers
Helm* | Helm charts > Kubernetes
OpenShift | Red Hat OpenShift > Kubernetes
Rancher* > Kubernetes
Podman > Containers
Istio > Kubernetes; Linkerd > Kubernetes; Envoy | Envoy Proxy
Consul | HashiCorp Consul
HashiCorp Vault | Vault*
HashiCorp Nomad | Nomad*
Infrastructure as Code | IaC, infrastructure-as-code
Terraform | HashiCorp Terraform > Infrastructure as Code
Pulumi > Infrastructure as Code
Configuration Management
Ansible > Configuration Management
Chef* | Chef Infra > Configuration Management
Puppet* > Configuration Management
SaltStack | Salt Stack > Configuration Management
Packer*; Vagrant*
Prometheus* > Monitoring
Grafana > Monitoring
Datadog > Monitoring
New Relic > Monitoring
Splunk > Monitoring
Monitoring | system monitoring, application monitoring
Observability
ELK Stack | ELK, Elastic Stack > Elasticsearch
Logstash > ELK Stack; Kibana > ELK Stack
Fluentd; Jaeger*; Zipkin
OpenTelemetry | OTel
Nagios > Monitoring; Zabbix > Monitoring
PagerDuty; Sentry*; Opsgenie
Site Reliability Engineering | SRE
DevOps | Dev Ops
DevSecOps > DevOps
Platform Engineering
Load Balancing | load balancers, load balancer
Nginx | NGINX
Apache HTTP Server | Apache httpd
HAProxy
Apache Tomcat | Tomcat
IIS | Internet Information Services
Linux | GNU/Linux, Linux administration
Unix | UNIX, Unix/Linux
Ubuntu > Linux; Debian > Linux; CentOS > Linux; Fedora > Linux; Arch Linux > Linux; Alpine Linux > Linux
Red Hat Enterprise Linux | RHEL, Red Hat Linux, Red Hat > Linux
Windows Server
macOS | Mac OS, OS X
System Administration | sysadmin, systems administration, Linux system administration
Active Directory | AD DS
LDAP
DNS; DHCP
TCP/IP | TCP, TCP-IP
HTTP | HTTPS, HTTP/2
Computer Networking | networking, network administration, network engineering
VPN | VPNs
Firewalls | firewall, firewall configuration
VMware | VMware vSphere, vSphere, ESXi > Virtualization
Hyper-V > Virtualization
VirtualBox > Virtualization
KVM > Virtualization
Virtualization
Cisco IOS > Computer Networking
Routing and Switching | routing & switching, routers and switches > Computer Networking
BGP > Computer Networking
OSPF > Computer Networking
VLAN | VLANs > Computer Networking
SD-WAN > Computer Networking
Wireshark
Storage Area Network
Network Attached Storage
Backup and Recovery | backup & recovery, backups
Disaster Recovery | business continuity
High Availability
IT Support | technical support, tech support, desktop support
Help Desk | helpdesk, service desk > IT Support
ServiceNow; Zendesk; Freshdesk; Jira Service Management
Jamf; Microsoft Intune | Intune
Microsoft 365 | Office 365, O365, M365
SharePoint | Microsoft SharePoint
Microsoft Exchange | Exchange Server
Google Workspace | G Suite, GSuite
Mobile Device Management | MDM
Citrix
Okta
`,
  },
  {
    domain: 'data',
    kind: 'hard',
    entries: `
PostgreSQL | Postgres, psql, pgsql, Postgre SQL, Postgresql > SQL, Relational Databases
MySQL > SQL, Relational Databases
MariaDB > SQL, Relational Databases
SQLite > SQL, Relational Databases
Microsoft SQL Server | SQL Server, MSSQL, MS SQL, MS SQL Server > SQL, Relational Databases
Oracle Database | Oracle DB, Oracle*, Oracle 19c > SQL, Relational Databases
IBM Db2 | Db2, DB2 > SQL, Relational Databases
Teradata > SQL
MongoDB | Mongo > NoSQL
Redis > NoSQL
Apache Cassandra | Cassandra > NoSQL
Couchbase > NoSQL; CouchDB > NoSQL
Neo4j > Graph Databases
Amazon Neptune > Graph Databases
Elasticsearch | Elastic Search, ElasticSearch, OpenSearch
Apache Solr | Solr
Lucene | Apache Lucene
Snowflake > SQL, Data Warehousing
ClickHouse > SQL
InfluxDB
TimescaleDB > PostgreSQL
CockroachDB > SQL
Memcached > Caching
Apache HBase | HBase > NoSQL
Apache Hive | Hive* > SQL
Presto > SQL; Trino > SQL
Apache Druid | Druid*
Pinecone > Vector Databases
Weaviate > Vector Databases
Milvus > Vector Databases
Qdrant > Vector Databases
FAISS > Vector Databases
ChromaDB > Vector Databases
pgvector > PostgreSQL, Vector Databases
Vector Databases | vector database, vector search
Supabase > PostgreSQL
Relational Databases | RDBMS, relational database, relational database design
NoSQL | NoSQL databases
Graph Databases | graph database
Database Design | database modeling, schema design
Database Administration | DBA, database management
Query Optimization | SQL tuning, query tuning, SQL optimization
Stored Procedures > SQL
ETL | ETL pipelines, extract transform load, ETL processes
ELT
Data Warehousing | data warehouse, data warehouses, DWH
Data Lakes | data lake, data lakehouse, lakehouse
Data Modeling | data modelling, dimensional modeling
Data Pipelines | data pipeline, data pipelines
Data Engineering
Data Governance
Data Quality
Master Data Management
Data Migration
Data Integration
Change Data Capture
Big Data
Apache Spark | Spark*, Spark SQL > Big Data
PySpark > Apache Spark, Python
Apache Hadoop | Hadoop > Big Data
MapReduce > Big Data
HDFS > Apache Hadoop
Apache Kafka | Kafka, Kafka Streams > Message Queues
Apache Flink | Flink
Apache Beam
Apache Airflow | Airflow > Data Pipelines
Dagster > Data Pipelines
Prefect > Data Pipelines
dbt | data build tool > SQL
Databricks > Apache Spark
Delta Lake > Databricks
Apache Iceberg | Iceberg*
Fivetran; Talend; Informatica | Informatica PowerCenter
SSIS | SQL Server Integration Services > Microsoft SQL Server, ETL
SSRS | SQL Server Reporting Services > Microsoft SQL Server
SSAS | SQL Server Analysis Services > Microsoft SQL Server
Alteryx; KNIME | Knime; RapidMiner
Machine Learning | ML, machine-learning
Deep Learning | deep neural networks > Machine Learning
Natural Language Processing | NLP > Machine Learning
Computer Vision > Machine Learning
Reinforcement Learning | RL > Machine Learning
Multi-Agent Reinforcement Learning | multi-agent RL, MARL > Reinforcement Learning
Supervised Learning > Machine Learning
Unsupervised Learning > Machine Learning
Statistics | statistical analysis, statistical methods
Statistical Modeling | statistical modelling > Statistics
Data Analysis | data analytics, analyzing data, analysing data
Data Science
Data Visualization | data visualisation, dataviz, data viz
Predictive Modeling | predictive modelling, predictive analytics > Machine Learning
Regression Analysis | regression > Statistics
Time Series Analysis | time series, time-series analysis
Forecasting
A/B Testing | AB testing, split testing, A/B tests
Experimental Design | design of experiments, DOE
Hypothesis Testing > Statistics
Bayesian Statistics | Bayesian inference, Bayesian methods > Statistics
Feature Engineering > Machine Learning
Model Deployment > Machine Learning
MLOps | ML Ops > Machine Learning
Recommender Systems | recommendation systems, recommendation engines > Machine Learning
Generative AI | GenAI, Gen AI
Large Language Models | LLMs, LLM, large language model > Natural Language Processing
Prompt Engineering > Large Language Models
Retrieval-Augmented Generation | RAG, retrieval augmented generation > Large Language Models
Fine-Tuning | fine tuning, model fine-tuning > Machine Learning
Neural Networks | neural network, artificial neural networks > Machine Learning
Convolutional Neural Networks | CNNs > Deep Learning
Recurrent Neural Networks | RNN, RNNs > Deep Learning
LSTM > Recurrent Neural Networks
Transformers | transformer models > Deep Learning
Generative Adversarial Networks | GAN, GANs > Deep Learning
Diffusion Models > Deep Learning
Neural Architecture Search > Deep Learning
Model Compression | quantization, pruning, knowledge distillation > Deep Learning
Efficient Inference | inference optimization, model serving > Machine Learning
Distributed Training > Deep Learning
Clustering | k-means > Machine Learning
Dimensionality Reduction | PCA > Machine Learning
Anomaly Detection > Machine Learning
Sentiment Analysis > Natural Language Processing
Speech Recognition | ASR > Machine Learning
Image Processing
Object Detection > Computer Vision
Optical Character Recognition | OCR
Knowledge Graphs | knowledge graph
Information Retrieval | search ranking
Econometrics > Statistics
Biostatistics > Statistics
Quantitative Analysis | quantitative analytics
Operations Research | optimization modeling, linear programming
Pandas > Python
NumPy > Python
SciPy > Python
scikit-learn | sklearn, scikit learn, Scikit-Learn > Python, Machine Learning
TensorFlow | Tensorflow 2 > Deep Learning
PyTorch | Torch > Deep Learning
PyTorch Lightning > PyTorch
Keras > Deep Learning
JAX > Deep Learning
Hugging Face | HuggingFace, Hugging Face Transformers > Natural Language Processing
spaCy > Natural Language Processing, Python
NLTK > Natural Language Processing, Python
Gensim > Natural Language Processing
OpenCV > Computer Vision
XGBoost > Machine Learning
LightGBM > Machine Learning
CatBoost > Machine Learning
Matplotlib > Python, Data Visualization
Seaborn > Python, Data Visualization
Plotly > Data Visualization
Bokeh > Data Visualization
ggplot2 > R, Data Visualization
dplyr > R; tidyverse > R
R Shiny | Shiny* > R
RStudio > R
Jupyter | Jupyter Notebook, Jupyter Notebooks, JupyterLab
Google Colab | Colab
Anaconda* | Conda
Polars > Python
Dask > Python
Ray* | Ray framework > Distributed Systems
ONNX | ONNX Runtime
TensorRT > Deep Learning
Triton* | Triton Inference Server, OpenAI Triton
cuDNN > CUDA
OpenMP; MPI
MLflow > MLOps
Kubeflow > MLOps, Kubernetes
Weights & Biases | W&B, wandb > MLOps
DVC > MLOps
LangChain > Large Language Models
LlamaIndex > Large Language Models
OpenAI API | OpenAI > Large Language Models
vLLM > Large Language Models
Stable Diffusion > Generative AI
BERT > Natural Language Processing
Word2Vec > Natural Language Processing
Tableau > Data Visualization
Power BI | PowerBI, Microsoft Power BI, MS Power BI > Data Visualization
Looker > Data Visualization
Looker Studio | Google Data Studio, Data Studio > Data Visualization
Qlik | QlikView, Qlik Sense > Data Visualization
Metabase > Data Visualization
Apache Superset | Superset > Data Visualization
Domo*; MicroStrategy; Sisense
Google Analytics | GA4, Universal Analytics > Web Analytics
Adobe Analytics > Web Analytics
Mixpanel > Product Analytics
Amplitude > Product Analytics
Product Analytics
Web Analytics
Excel* | MS Excel, Microsoft Excel, Excel spreadsheets, Advanced Excel, Excel (Advanced)
Google Sheets
Pivot Tables | pivot table, PivotTables > Excel
VLOOKUP | XLOOKUP > Excel
Excel Macros > Excel, VBA
Power Query > Excel
Power Pivot > Excel
DAX > Power BI
SAS* | SAS programming, Base SAS
SPSS | IBM SPSS
Stata; Minitab; EViews
Mathematica | Wolfram Mathematica
Weka*
Reporting | report writing, management reporting
Dashboards | dashboard, dashboarding
Business Intelligence | BI
Data Entry
Data Mining
`,
  },
  {
    domain: 'design',
    kind: 'tool',
    entries: `
Figma
Sketch* | Sketch app
Adobe XD
Adobe Photoshop | Photoshop
Adobe Illustrator | Illustrator*
Adobe InDesign | InDesign
Adobe After Effects | After Effects
Adobe Premiere Pro | Premiere Pro, Premiere*
Adobe Lightroom | Lightroom
Adobe Creative Suite | Adobe Creative Cloud, Creative Cloud, Adobe CC, Adobe Suite
Adobe Acrobat | Acrobat, Acrobat Pro
Adobe Audition; Adobe Animate
Adobe Dreamweaver | Dreamweaver
Canva; InVision; Zeplin
Axure RP | Axure
Balsamiq; Framer*; Procreate*; CorelDRAW; Affinity Designer; GIMP | Gimp; Inkscape
Blender* > 3D Modeling
Autodesk Maya | Maya* > 3D Modeling
3ds Max | 3D Studio Max > 3D Modeling
Cinema 4D | C4D > 3D Modeling
ZBrush > 3D Modeling
Substance Painter
Houdini*
Final Cut Pro > Video Editing
DaVinci Resolve > Video Editing
Avid Media Composer > Video Editing
Logic Pro; Pro Tools
Ableton Live | Ableton
AutoCAD > CAD
Revit | Autodesk Revit > CAD, Building Information Modeling
SketchUp > 3D Modeling
Rhino 3D | Rhinoceros*, Rhino3D > 3D Modeling
SolidWorks > CAD
CATIA | Catia > CAD
Fusion 360 | Autodesk Fusion 360 > CAD
Autodesk Inventor > CAD
ArchiCAD > CAD
Vectorworks > CAD
Lumion; V-Ray; Enscape
Miro; Lucidchart
Microsoft Visio | Visio, MS Visio
draw.io | diagrams.net
OmniGraffle
`,
  },
  {
    domain: 'design',
    kind: 'hard',
    entries: `
UX Design | user experience design, UX, user experience
UI Design | user interface design, UI
UI/UX Design | UI/UX, UX/UI, UX/UI design > UX Design, UI Design
Interaction Design | IxD
Visual Design
Graphic Design
Web Design
Product Design
User Research | UX research, user interviews
Usability Testing | usability studies
Wireframing | wireframes, wireframe
Prototyping | prototypes, rapid prototyping
Information Architecture
Design Systems | design system
Typography
Branding | brand identity, brand design
Logo Design
Illustration
Motion Graphics | motion design
Animation | 2D animation, 3D animation
3D Modeling | 3D modelling
Video Editing
Video Production
Photography | photo editing
Color Theory
Layout Design
Print Design
Packaging Design
Human-Centered Design | human centered design, user-centered design, UCD
Design Thinking
Customer Journey Mapping | journey mapping, user journeys
Service Design
Storyboarding | storyboards
UX Writing
Content Design
Industrial Design
Interior Design
Fashion Design
Architectural Design
Game Design; Level Design
Sound Design
Audio Engineering | audio production, mixing and mastering
Cinematography
CAD | computer-aided design, computer aided design
CAM | computer-aided manufacturing
Building Information Modeling | BIM
Technical Drawing | drafting, technical drawings
`,
  },
  {
    domain: 'security',
    kind: 'hard',
    entries: `
Cybersecurity | cyber security, information security, InfoSec, IT security
Network Security > Cybersecurity
Application Security | AppSec > Cybersecurity
Cloud Security > Cybersecurity
Penetration Testing | pen testing, pentesting, penetration tests > Cybersecurity
Vulnerability Assessment > Cybersecurity
Vulnerability Management > Cybersecurity
Threat Modeling | threat modelling > Cybersecurity
Incident Response > Cybersecurity
Threat Intelligence > Cybersecurity
SIEM > Cybersecurity
Security Operations | security operations center > Cybersecurity
SOC 2 | SOC2, SOC 2 Type II
ISO 27001 | ISO/IEC 27001
NIST Cybersecurity Framework | NIST CSF, NIST 800-53, NIST
GDPR | General Data Protection Regulation
CCPA
HIPAA | HIPAA compliance
PCI DSS | PCI, PCI-DSS, PCI compliance
Identity and Access Management | identity management, access management
Single Sign-On | SSO
Multi-Factor Authentication | MFA, 2FA
Cryptography | encryption
Public Key Infrastructure | PKI
Intrusion Detection | IDS/IPS, intrusion prevention, IDS
Endpoint Security | endpoint protection, EDR
Malware Analysis
Reverse Engineering
Digital Forensics | computer forensics, forensics
Burp Suite; Metasploit; Nmap; Nessus; Snort; Qualys; CrowdStrike
Kali Linux > Linux, Penetration Testing
Zero Trust | zero trust architecture
OWASP | OWASP Top 10 > Application Security
Secure Coding | secure software development
Security Auditing | security audits
Data Privacy | data protection
`,
  },
  {
    domain: 'hardware',
    kind: 'hard',
    entries: `
Embedded Systems | embedded, embedded software, embedded development
Firmware Development | firmware > Embedded Systems
Microcontrollers | microcontroller, MCU > Embedded Systems
Arduino > Microcontrollers
Raspberry Pi
RTOS | real-time operating systems > Embedded Systems
FreeRTOS > RTOS
Embedded Linux > Linux, Embedded Systems
ARM Architecture | ARM Cortex, ARM*
FPGA | FPGAs
ASIC | ASIC design
PCB Design | PCB layout, printed circuit board design
Altium Designer | Altium > PCB Design
KiCad > PCB Design
Circuit Design | circuit analysis
Analog Circuit Design | analog design > Circuit Design
Digital Design | digital logic design
Digital Signal Processing | DSP > Signal Processing
Signal Processing
Control Systems | control theory
PLC Programming | PLC, PLCs, programmable logic controllers
Ladder Logic > PLC Programming
SCADA
HMI | human-machine interface
Robotics
ROS | Robot Operating System > Robotics
Mechatronics
Internet of Things | IoT
Bluetooth Low Energy | BLE
CAN Bus
I2C; UART; SPI Protocol
Oscilloscope | oscilloscopes
Power Electronics
RF Engineering | RF design, radio frequency
Antenna Design
Semiconductor Manufacturing | semiconductor fabrication
Cadence Virtuoso | Cadence
SPICE | LTspice, PSpice
Xilinx Vivado | Vivado > FPGA
Intel Quartus | Quartus > FPGA
Test Equipment
Hardware Debugging
`,
  },
  {
    domain: 'engineering',
    kind: 'hard',
    entries: `
Mechanical Engineering
Civil Engineering
Electrical Engineering
Chemical Engineering
Structural Analysis | structural engineering
Finite Element Analysis | FEA, finite element method, FEM
Computational Fluid Dynamics | CFD
ANSYS | Ansys > Finite Element Analysis
Abaqus > Finite Element Analysis
COMSOL | COMSOL Multiphysics
Simulink > MATLAB
LabVIEW
Thermodynamics; Fluid Mechanics; Heat Transfer
GD&T | geometric dimensioning and tolerancing
Product Development | new product development, NPD
Reliability Engineering
Failure Analysis
FMEA | failure mode and effects analysis
Process Engineering
Statistical Process Control | SPC
Tolerance Analysis
Materials Science | materials engineering
Metallurgy
Injection Molding | injection moulding
3D Printing | additive manufacturing
PTC Creo | Creo > CAD
Siemens NX > CAD
Teamcenter; Windchill
Product Lifecycle Management | PLM
Primavera P6 | Primavera
Civil 3D | AutoCAD Civil 3D > AutoCAD
Bluebeam | Bluebeam Revu
Procore
Environmental Impact Assessment
Geotechnical Engineering
Transportation Engineering
Stormwater Management
Renewable Energy | solar energy, wind energy
Energy Efficiency
Power Systems
Aerodynamics; Avionics
Systems Engineering
SysML
Requirements Engineering
Surveying | land surveying
GIS | geographic information systems
ArcGIS > GIS
QGIS > GIS
Remote Sensing
HVAC Design | mechanical systems design
`,
  },
  {
    domain: 'business',
    kind: 'tool',
    entries: `
Salesforce | SFDC, Salesforce.com, Salesforce CRM > CRM
HubSpot | HubSpot CRM > CRM
Zoho CRM > CRM
Microsoft Dynamics 365 | Dynamics 365, MS Dynamics, Microsoft Dynamics > CRM
Pipedrive > CRM
SAP | SAP ERP > ERP
SAP S/4HANA | S/4HANA, S4HANA > SAP
SAP FICO | SAP FI/CO, SAP FI > SAP
SAP MM > SAP
SAP SD > SAP
SAP HANA > SAP
SAP BW > SAP
SAP Ariba | Ariba > SAP, Procurement
SAP SuccessFactors | SuccessFactors > SAP
Oracle E-Business Suite | Oracle EBS > ERP
Oracle NetSuite | NetSuite > ERP
Workday*
PeopleSoft | Oracle PeopleSoft
Odoo > ERP; Epicor > ERP; Infor > ERP; Acumatica > ERP
Sage Intacct > Accounting
QuickBooks | QuickBooks Online, QBO > Bookkeeping
Xero > Bookkeeping
FreshBooks > Bookkeeping
Marketo | Adobe Marketo > Marketing Automation
Pardot > Marketing Automation
Mailchimp > Email Marketing
Constant Contact > Email Marketing
Klaviyo > Email Marketing
Hootsuite > Social Media Marketing
Sprout Social > Social Media Marketing
Salesforce Marketing Cloud > Marketing Automation
Adobe Experience Manager | AEM
Sitecore; Contentful; Webflow; Wix; Squarespace
Gong*; ZoomInfo
LinkedIn Sales Navigator | Sales Navigator
Outreach.io; Salesloft
Intercom*; Gainsight; Zuora; Stripe*; Twilio; Square POS
Semrush | SEMrush
Ahrefs; Moz Pro
Google Search Console
Google Tag Manager
Google Ads | Google AdWords, AdWords > Pay-Per-Click
Facebook Ads | Meta Ads, Facebook Ads Manager > Social Media Marketing
LinkedIn Ads > Social Media Marketing
Hotjar
Microsoft Office | MS Office, Microsoft Office Suite, Office Suite
Microsoft Word | MS Word, Word*
Microsoft PowerPoint | PowerPoint, MS PowerPoint, Powerpoint
Microsoft Outlook | MS Outlook, Outlook*
Microsoft Access | MS Access
Microsoft Project | MS Project
Microsoft Teams | MS Teams
Google Docs; Google Slides
Apple Keynote | Keynote*
Smartsheet; Airtable; Zapier
Power Automate | Microsoft Flow > Robotic Process Automation
Power Apps | PowerApps
Robotic Process Automation | RPA
UiPath > Robotic Process Automation
Automation Anywhere > Robotic Process Automation
Blue Prism > Robotic Process Automation
DocuSign
Jira | JIRA, Atlassian Jira
Confluence | Atlassian Confluence
Trello; Asana*; Notion*; Slack*; Basecamp*; ClickUp; Wrike
Monday.com
Bloomberg Terminal | Bloomberg*
FactSet
S&P Capital IQ | Capital IQ, CapIQ
Oracle Hyperion | Hyperion
Anaplan; Adaptive Insights; BlackLine
SAP Concur | Concur
Expensify
ADP | ADP Workforce Now
BambooHR
Greenhouse ATS
iCIMS; Taleo
Westlaw; LexisNexis
Clio*
Epic* | Epic Systems, Epic EHR, EpicCare > Electronic Health Records
Cerner | Oracle Cerner > Electronic Health Records
Meditech > Electronic Health Records
athenahealth | Athena Health > Electronic Health Records
eClinicalWorks > Electronic Health Records
Moodle > Learning Management Systems
Canvas LMS | Canvas* > Learning Management Systems
Blackboard | Blackboard Learn > Learning Management Systems
Google Classroom > Learning Management Systems
Schoology > Learning Management Systems
Articulate Storyline | Articulate 360, Storyline* > Instructional Design
Adobe Captivate | Captivate > Instructional Design
`,
  },
  {
    domain: 'business',
    kind: 'hard',
    entries: `
CRM | customer relationship management, CRM software, CRM systems
ERP | enterprise resource planning, ERP systems
Project Management | project planning, managing projects
Program Management
Product Management
Product Strategy
Product Roadmapping | product roadmap, roadmapping, roadmaps
Stakeholder Management | stakeholder engagement, stakeholder communication
Requirements Gathering | requirements analysis, requirements elicitation
Business Analysis
User Stories | writing user stories
Backlog Management | backlog grooming, backlog refinement, product backlog
Sprint Planning
Risk Management | risk mitigation
Change Management | organizational change management
Resource Planning | resource allocation, capacity planning
Budgeting | budget management, budget planning, budgets
Vendor Management | supplier management
Process Improvement | continuous improvement, process optimization
Lean* | Lean methodology, Lean principles
Six Sigma | 6 Sigma
Lean Six Sigma > Six Sigma, Lean
Kaizen
Root Cause Analysis | RCA
Business Process Modeling | BPMN, process mapping
Operations Management
Supply Chain Management | supply chain, SCM
Logistics
Procurement | purchasing, sourcing
Inventory Management | inventory control
Demand Planning
Strategic Planning | strategy development
Business Development
Market Research
Competitive Analysis | competitor analysis
Go-to-Market Strategy | go-to-market, GTM strategy
OKRs | OKR, objectives and key results
KPIs | KPI, key performance indicators
Agile | Agile methodologies, Agile methodology, agile development, Agile/Scrum
Scrum > Agile
Kanban > Agile
SAFe* | Scaled Agile Framework > Agile
Waterfall*
Customer Success
Customer Service | customer support, client service, customer care
Account Management
Client Relations | client relationship management, client management
Contract Negotiation
Contract Management
Regulatory Compliance | compliance
Quality Management | QMS, quality management systems
ISO 9001
Event Planning | event management, event coordination
Technical Writing | technical documentation, documentation
Grant Writing
Proposal Writing | RFP responses, RFPs
Proofreading | copy editing, editing
Translation | translating
Interpretation | interpreting
Content Writing | content creation
Content Strategy
Journalism
Qualitative Research
Quantitative Research
Survey Design | surveys
Policy Analysis | public policy
Office Administration | office management, administrative support
Scheduling | calendar management
Bookkeeping
Travel Coordination | travel arrangements
Records Management
Facilities Management
Real Estate | property management
Hospitality | hospitality management
Front Desk Operations | front desk, reception
Consulting | management consulting
Business Strategy
Financial Acumen
Startup Experience | startups
Nonprofit Management | nonprofit, non-profit
Fundraising
Volunteer Management
Community Management
Community Outreach
Public Administration
`,
  },
  {
    domain: 'hr',
    kind: 'hard',
    entries: `
Recruiting | recruitment, talent acquisition, full-cycle recruiting, recruit, recruits
Technical Recruiting > Recruiting
Candidate Sourcing > Recruiting
Onboarding | employee onboarding
Employee Relations
Performance Management
Compensation and Benefits | comp & ben, compensation & benefits, benefits administration
Payroll | payroll processing
HRIS | human resources information systems
Applicant Tracking Systems | ATS
Talent Management
Succession Planning
Learning and Development | L&D, training and development
Diversity Equity and Inclusion | DEI, DE&I, diversity and inclusion, D&I
Labor Relations
Employment Law
Organizational Development
Workforce Planning
HR Policies | HR policy, human resources policies
Human Resources | HR
Interviewing | interviews, conducting interviews, interview candidates, screen candidates
Employer Branding
`,
  },
  {
    domain: 'legal',
    kind: 'hard',
    entries: `
Legal Research
Litigation
Contract Law
Corporate Law
Intellectual Property Law | intellectual property, patents
Legal Writing | legal drafting
E-Discovery | eDiscovery
Regulatory Affairs
Due Diligence
Legal Compliance
Case Management
Paralegal Skills | paralegal
Mediation
Immigration Law
Family Law
Criminal Law
Real Estate Law
`,
  },
  {
    domain: 'finance',
    kind: 'hard',
    entries: `
Financial Analysis
Financial Modeling | financial modelling, financial models
Financial Reporting | financial statements
Financial Planning and Analysis | FP&A
Accounting | accountancy
Accounts Payable
Accounts Receivable
General Ledger | GL
Reconciliation | account reconciliation, bank reconciliation, reconciliations
Month-End Close | month end close, month-end closing, financial close
Tax Preparation | tax returns
Tax Planning | taxation
Auditing | audit, audits
Internal Audit > Auditing
External Audit > Auditing
GAAP | US GAAP
IFRS
SOX Compliance | Sarbanes-Oxley, SOX
Cost Accounting
Management Accounting
Variance Analysis
Cash Flow Management | cash flow, cash management
Treasury Management | treasury
Valuation | business valuation
Discounted Cash Flow | DCF > Valuation
Mergers and Acquisitions | M&A
Investment Banking
Private Equity
Venture Capital
Equity Research
Portfolio Management
Asset Management
Wealth Management
Risk Analysis
Credit Analysis
Credit Risk
Market Risk
Underwriting
Actuarial Science | actuarial
Insurance
Anti-Money Laundering | AML
KYC | Know Your Customer
Trading
Derivatives
Fixed Income
Equities
Financial Planning
Retirement Planning
Estate Planning
Profit and Loss Management | P&L, P&L management, profit and loss
Revenue Recognition | ASC 606
Billing | invoicing
Collections*
Fraud Detection | fraud prevention
Payments | payment processing
Cost Reduction | cost savings
Pricing Strategy | pricing
Budget Forecasting
Financial Risk Management
Capital Markets
Corporate Finance
Banking | retail banking, commercial banking
Loan Processing | mortgage processing
Bank Secrecy Act | BSA
Credit Underwriting > Underwriting
Investment Analysis
Cost Analysis | cost-benefit analysis
Expense Management
Fixed Assets
Intercompany Accounting
Financial Consolidation | Consolidation*
`,
  },
  {
    domain: 'sales',
    kind: 'hard',
    entries: `
Sales | selling
B2B Sales > Sales
B2C Sales > Sales
Inside Sales > Sales
Outside Sales > Sales
Field Sales > Sales
Enterprise Sales > Sales
SaaS Sales > Sales
Solution Selling > Sales
Consultative Selling | consultative sales > Sales
Cold Calling | cold calls > Sales
Lead Generation | lead gen
Prospecting > Sales
Pipeline Management | sales pipeline
Sales Forecasting > Forecasting
Key Account Management > Account Management
Territory Management > Sales
Channel Sales | partner sales > Sales
Retail Sales > Sales
Upselling | upsell, cross-selling, cross-sell > Sales
Customer Retention
Sales Operations | sales ops
Revenue Operations | RevOps
Sales Enablement
MEDDIC
SPIN Selling > Sales
Demand Generation | demand gen
Marketing
Digital Marketing | online marketing > Marketing
Content Marketing > Marketing
Social Media Marketing | SMM > Marketing
Social Media Management | social media
Email Marketing > Marketing
Marketing Automation > Marketing
Search Engine Optimization | SEO
Search Engine Marketing | SEM
Pay-Per-Click | PPC, paid search
Paid Social | paid media
Affiliate Marketing > Marketing
Influencer Marketing > Marketing
Product Marketing > Marketing
Brand Management > Marketing
Marketing Strategy > Marketing
Campaign Management | marketing campaigns
Growth Marketing | growth hacking > Marketing
Conversion Rate Optimization | CRO
Marketing Analytics
Copywriting
Public Relations | media relations
Corporate Communications | internal communications
Event Marketing > Marketing
Trade Shows
Customer Segmentation
Account-Based Marketing | ABM > Marketing
Partnership Management | partnerships, strategic partnerships
Merchandising
Visual Merchandising > Merchandising
Retail Management
Store Management
Point of Sale | POS, POS systems
Cash Handling
E-commerce | ecommerce, e-commerce management
Brand Strategy
Customer Acquisition
Market Segmentation
Sales Presentations
Quota Attainment
Real Estate Sales > Sales
Insurance Sales > Sales
Telemarketing > Sales
`,
  },
  {
    domain: 'healthcare',
    kind: 'hard',
    entries: `
Patient Care | patient-centered care, direct patient care
Nursing | nursing care
Electronic Health Records | EHR, EMR, electronic medical records, EHR systems
Medical Terminology
Medical Coding
ICD-10 | ICD10, ICD-10-CM > Medical Coding
CPT Coding | CPT > Medical Coding
Medical Billing
Phlebotomy | venipuncture
Vital Signs | vitals
Medication Administration
IV Therapy | IV insertion, IV therapy
Wound Care
Triage
Patient Assessment
Patient Education
Care Planning | care plans
Infection Control
Critical Care | intensive care, ICU
Emergency Medicine | emergency care, emergency department
Pediatrics | paediatrics
Geriatrics | geriatric care, elderly care
Oncology; Cardiology; Neurology; Orthopedics; Dermatology
Telemetry
Obstetrics | labor and delivery
Mental Health
Behavioral Health
Care Management
Discharge Planning
Clinical Research
Clinical Trials
Good Clinical Practice
Pharmacology
Pharmacy | pharmacy practice
Medication Reconciliation
Radiology
Radiography | x-ray
MRI | magnetic resonance imaging
CT Scanning | computed tomography
Ultrasound | sonography
Physical Therapy | physiotherapy
Occupational Therapy
Speech-Language Pathology | speech therapy
Respiratory Therapy
Rehabilitation
Dental Hygiene
Dental Assisting
Surgery | surgical procedures
Anesthesia | anaesthesia
Specimen Collection
Microbiology
Molecular Biology
PCR | polymerase chain reaction
Cell Culture | tissue culture
Western Blot | western blotting
ELISA
Flow Cytometry
CRISPR
Genomics | genome sequencing, next-generation sequencing, NGS
Bioinformatics
Epidemiology
Public Health
Health Informatics
Healthcare Administration | healthcare management
Insurance Verification
Prior Authorization | prior authorizations
Revenue Cycle Management | RCM
Utilization Review
Dementia Care
Palliative Care | hospice care
Activities of Daily Living | ADLs, ADL
Caregiving | personal care
Nutrition
Dietetics
Counseling | counselling
Psychotherapy
Cognitive Behavioral Therapy | CBT
Social Work
Crisis Intervention
Substance Abuse Counseling | addiction counseling
Applied Behavior Analysis | ABA
Telehealth | telemedicine
Medical Devices
FDA Regulations | FDA compliance
Good Manufacturing Practice | GMP, cGMP
Anatomy; Physiology
Electrocardiography | EKG, ECG, electrocardiogram
Patient Scheduling
Medical Records | health records
Laboratory Techniques | lab techniques, laboratory skills
Clinical Documentation
Sterile Technique | aseptic technique
Veterinary Medicine | veterinary care
Home Health | home health care
Clinical Case Management
Medical Transcription
Health Education
Immunizations | vaccinations
Patient Advocacy
Pain Management
Diabetes Management
Catheterization
Blood Glucose Monitoring
`,
  },
  {
    domain: 'education',
    kind: 'hard',
    entries: `
Lesson Planning | lesson plans
Curriculum Development | curriculum design
Classroom Management
Differentiated Instruction
Instructional Design
Special Education | SPED
Individualized Education Programs | IEP, IEPs
Student Assessment | assessment design
Tutoring
Teaching | classroom instruction
E-Learning | eLearning, online learning, online teaching
Learning Management Systems | LMS
English as a Second Language | ESL, ESOL
Early Childhood Education | ECE
STEM Education
Literacy Instruction | reading instruction, literacy
Educational Technology | EdTech
Student Engagement
Behavior Management
Academic Advising
Adult Education
Workshop Facilitation | facilitation
Montessori
Universal Design for Learning | UDL
Child Development
Youth Development
Course Design
Educational Leadership
Test Preparation
Parent-Teacher Communication | parent communication
Classroom Technology
Library Science
Student Counseling
Grading
Corporate Training | training delivery
`,
  },
  {
    domain: 'trades',
    kind: 'hard',
    entries: `
Carpentry
Framing*
Plumbing
Electrical Wiring | electrical installation, wiring
HVAC | heating ventilation and air conditioning, HVAC/R
Refrigeration > HVAC
Welding
MIG Welding | GMAW > Welding
TIG Welding | GTAW > Welding
Stick Welding | SMAW > Welding
Pipefitting
Masonry | bricklaying
Drywall
Roofing
Concrete Work | concrete finishing
Blueprint Reading | reading blueprints, blueprints, schematics reading
Construction Management
Construction
Cost Estimating | estimating, quantity surveying
Heavy Equipment Operation | heavy equipment
Forklift Operation | forklift
Crane Operation
Machining
CNC Machining | CNC > Machining
CNC Programming > CNC Machining
Sheet Metal Fabrication | sheet metal
Metal Fabrication | fabrication
Automotive Repair | auto repair, automotive service
Diesel Mechanics | diesel engines
Small Engine Repair
Preventive Maintenance | preventative maintenance
Facilities Maintenance | building maintenance
Electrical Troubleshooting
Troubleshooting
Hand Tools
Power Tools
Landscaping
Janitorial Services | janitorial, custodial
Housekeeping
Food Preparation | food prep
Cooking | culinary, culinary arts
Food Safety
Baking
Bartending
Barista
Warehouse Operations | warehousing
Shipping and Receiving
Order Picking | picking and packing, pick and pack
Pallet Jack
Material Handling
Quality Control | QC
Quality Inspection
Lean Manufacturing > Lean
Manufacturing
Production Planning
Industrial Maintenance
Pneumatics
Hydraulics
Solar Installation | solar PV installation
Locksmithing
Upholstery
Tiling | tile setting
Flooring
Insulation
Demolition
Excavation
Truck Driving
Boiler Operation
Water Treatment | wastewater treatment
Rigging
Scaffolding
Pest Control
Equipment Maintenance
Auto Body Repair | collision repair
Painting and Finishing
Cabinetry | cabinet making
Millwork
Appliance Repair
Elevator Maintenance
Irrigation
Tree Care | arboriculture
Sewing
Tailoring
Jewelry Making
Printing Press Operation
Assembly Line
Inventory Counting | cycle counting
`,
  },
  {
    domain: 'soft',
    kind: 'soft',
    entries: `
Communication | communication skills, communicator, excellent communication
Written Communication | written communication skills, writing skills
Verbal Communication | verbal communication skills, oral communication
Teamwork | team player, team work
Collaboration | collaborative
Leadership | leadership skills, leading teams
Team Leadership | team lead, team leading
People Management | team management, managing teams, staff management
Problem Solving | problem-solving, problem solver, solving problems
Critical Thinking
Analytical Skills | analytical thinking, analytical
Attention to Detail | detail-oriented, detail oriented, attention to details
Time Management | time-management
Organizational Skills | organization skills, organisational skills, organized
Adaptability | adaptable, flexibility
Creativity | creative thinking
Innovation
Interpersonal Skills | interpersonal, people skills
Emotional Intelligence
Empathy
Active Listening
Conflict Resolution | conflict management
Negotiation | negotiating, negotiation skills
Persuasion
Presentation Skills | presentations, presenting
Public Speaking
Mentoring | mentorship, mentor
Coaching
Decision Making | decision-making
Strategic Thinking
Self-Motivation | self-motivated, self-starter
Work Ethic | strong work ethic
Multitasking | multi-tasking
Prioritization | prioritisation, prioritizing
Customer Focus | customer-focused, customer-centric, customer obsession
Accountability
Ownership
Resilience
Cultural Awareness | cultural competence, cross-cultural communication
Delegation
Relationship Building
Professional Networking
Storytelling
Patience
Dependability | dependable, reliable
Team Building
Influencing | influence, influencing skills
Cross-Functional Collaboration | cross-functional, cross-functional teams
Professionalism
Stress Management | working under pressure
Independent Work | work independently
Learning Agility | quick learner, fast learner
Positive Attitude
Integrity
Initiative
Curiosity
Open-Mindedness | open minded
Diplomacy
Tact
Receptiveness to Feedback
Customer Empathy
Research Skills
Listening Skills
Goal Setting | goal-oriented
Results Orientation | results-driven, results-oriented
Bilingual | bilingual, multilingual
Remote Collaboration
`,
  },
  {
    domain: 'certification',
    kind: 'certification',
    entries: `
AWS Certified Solutions Architect | AWS Solutions Architect > AWS
AWS Certified Developer > AWS
AWS Certified SysOps Administrator > AWS
AWS Certified Cloud Practitioner > AWS
AWS Certified DevOps Engineer > AWS, DevOps
AWS Certified Machine Learning > AWS, Machine Learning
AWS Certified Data Engineer > AWS, Data Engineering
Azure Fundamentals | AZ-900 > Microsoft Azure
Azure Administrator Associate | AZ-104, Azure Administrator > Microsoft Azure
Azure Solutions Architect Expert | AZ-305 > Microsoft Azure
Azure Developer Associate | AZ-204 > Microsoft Azure
Google Cloud Professional Cloud Architect | Professional Cloud Architect > Google Cloud
Google Professional Data Engineer > Google Cloud, Data Engineering
Certified Kubernetes Administrator | CKA > Kubernetes
Certified Kubernetes Application Developer | CKAD > Kubernetes
HashiCorp Certified Terraform Associate | Terraform Associate > Terraform
Project Management Professional | PMP > Project Management
CAPM | Certified Associate in Project Management > Project Management
PRINCE2 > Project Management
Certified ScrumMaster | Certified Scrum Master > Scrum
Professional Scrum Master | PSM, PSM I > Scrum
Certified Scrum Product Owner | CSPO > Scrum
SAFe Agilist > SAFe
PMI-ACP > Agile
CISSP > Cybersecurity
CISM > Cybersecurity
CISA > Auditing
CompTIA Security+ | Security+ > Cybersecurity
CompTIA Network+ | Network+ > Computer Networking
CompTIA A+ > IT Support
Certified Ethical Hacker | CEH > Penetration Testing
OSCP > Penetration Testing
CCSP > Cloud Security
CCNA > Computer Networking
CCNP > Computer Networking
CCIE > Computer Networking
ITIL | ITIL Foundation, ITIL v4, ITIL 4
Certified Public Accountant | CPA > Accounting
Chartered Financial Analyst | CFA > Financial Analysis
Certified Management Accountant > Management Accounting
ACCA > Accounting
Certified Internal Auditor > Internal Audit
FRM | Financial Risk Manager > Financial Risk Management
Certified Financial Planner | CFP > Financial Planning
Series 7 > Trading
Series 63
Series 65
Six Sigma Green Belt | Lean Six Sigma Green Belt > Six Sigma
Six Sigma Black Belt | Lean Six Sigma Black Belt > Six Sigma
SHRM-CP > Human Resources
SHRM-SCP > Human Resources
PHR > Human Resources
SPHR > Human Resources
CSCP > Supply Chain Management
CPIM > Inventory Management
Salesforce Certified Administrator > Salesforce
Salesforce Certified Platform Developer > Salesforce
Google Analytics Certification | GAIQ > Google Analytics
Google Ads Certification > Google Ads
HubSpot Inbound Marketing Certification > HubSpot
Tableau Desktop Specialist > Tableau
Microsoft Certified Power BI Data Analyst | PL-300 > Power BI
TensorFlow Developer Certificate > TensorFlow
Oracle Certified Professional Java Programmer | OCPJP > Java
Registered Nurse | RN, R.N. > Nursing
Licensed Practical Nurse | LPN, LVN > Nursing
Certified Nursing Assistant | CNA > Patient Care
Nurse Practitioner
Basic Life Support | BLS, BLS certified
Advanced Cardiovascular Life Support | ACLS
Pediatric Advanced Life Support | PALS
Neonatal Resuscitation Program | NRP
CPR | CPR certified, CPR certification, CPR/AED
First Aid | first aid certified
Emergency Medical Technician | EMT, EMT-B
Paramedic
Certified Professional Coder | CPC > Medical Coding
Registered Health Information Technician | RHIT
Certified Pharmacy Technician | CPhT
CCRN > Critical Care
NCLEX | NCLEX-RN
Certified Medical Assistant | CCMA
TESOL > English as a Second Language
TEFL > English as a Second Language
CELTA > English as a Second Language
Teaching License | teaching certificate, teaching certification, teaching credential
Commercial Driver's License | CDL, CDL Class A, Class A CDL > Truck Driving
OSHA Certification | OSHA 10, OSHA 30, OSHA
ServSafe | ServSafe certified, ServSafe Food Handler > Food Safety
Forklift Certification | forklift certified > Forklift Operation
EPA 608 Certification | EPA 608 > HVAC
NATE Certification | NATE > HVAC
ASE Certification | ASE certified > Automotive Repair
Journeyman Electrician | journeyman license > Electrical Wiring
Master Electrician > Electrical Wiring
LEED AP | LEED, LEED Accredited Professional
Professional Engineer | PE license
Engineer in Training | EIT
Notary Public
Real Estate License
Life and Health Insurance License | insurance license > Insurance
Certified Information Privacy Professional | CIPP, CIPP/E, CIPP/US > Data Privacy
Certified Fraud Examiner | CFE > Fraud Detection
Enrolled Agent > Tax Preparation
Chartered Accountant > Accounting
Cisco Certified DevNet Associate | DevNet Associate > Computer Networking
Red Hat Certified Engineer | RHCE > Red Hat Enterprise Linux
Red Hat Certified System Administrator | RHCSA > Red Hat Enterprise Linux
Linux Professional Institute Certification | LPIC > Linux
Microsoft Office Specialist | MOS > Microsoft Office
Databricks Certified Data Engineer > Databricks
Snowflake SnowPro Core | SnowPro > Snowflake
Certified Information Systems Auditor > Auditing
GIAC Security Essentials | GSEC > Cybersecurity
`,
  },
  {
    domain: 'knowledge',
    kind: 'hard',
    entries: `
Computer Science | CS degree, computing science
Information Technology | IT*
Financial Services | financial industry, banking and financial services
Financial Technology | FinTech
Finance*
Economics
Mathematics | maths, applied mathematics
Physics | applied physics
Chemistry | organic chemistry, analytical chemistry
Biology | biological sciences
Biochemistry
Cell Biology
Biotechnology | biotech
Life Sciences | life science
Neuroscience | cognitive neuroscience
Psychology | experimental psychology
Artificial Intelligence | AI*
Software as a Service | SaaS
Business to Business | B2B
Business to Consumer | B2C
Web Services | web-services, web service
Cloud Technologies | cloud*, cloud technology, public cloud > Cloud Computing
Databases | database, database systems
Pair Programming
Telecommunications | telecom, telco
Retail
Data Management
Business Administration | business economics
Industrial Engineering
Information Systems
Human-Computer Interaction | HCI
Logging > Monitoring
Messaging | messaging systems
Mobile Technologies | mobile technology > Mobile Development
Consumer Electronics
Video Streaming | streaming video
Digital Health | eHealth
Oil and Gas | oil & gas
Energy Markets | energy market, energy trading
Pharmaceuticals | pharma, pharmaceutical industry
Construction Industry
Higher Education
Public Sector | government sector
Labour Law | labor law
Tax Law
`,
  },
  {
    domain: 'aviation',
    kind: 'hard',
    entries: `
Airline Transport Pilot | ATP, ATP certificate, ATP license, ATPL, FAA ATP > Commercial Pilot License
Commercial Pilot License | commercial pilot certificate, CPL
Private Pilot License | private pilot certificate, PPL
Instrument Rating | IFR rating
Multi-Engine Rating | multi-engine, MEL
Certified Flight Instructor | CFI, CFII
FAA Regulations | FAR, Federal Aviation Regulations, FAA
Flight Planning
Crew Resource Management | CRM training
Type Rating
Airframe and Powerplant | A&P, A&P license, A&P mechanic > Aircraft Maintenance
Aircraft Maintenance | aircraft maintenance technician
Air Traffic Control | ATC
Aviation Safety
Flight Hours | flight time, total time, PIC time, pilot in command
Dispatch | flight dispatch, aircraft dispatcher
`,
  },
  {
    domain: 'culinary',
    kind: 'hard',
    entries: `
HACCP | hazard analysis and critical control points > Food Safety
Menu Planning | menu development, menu design
Kitchen Management | back of house, BOH management
Catering
Pastry | pastry arts, baking and pastry
Food Cost Control | food costing, food cost management
Fine Dining
Line Cooking | line cook
Knife Skills
Mixology
Banquets | banquet operations
Front of House | FOH
Guest Services | guest relations
Reservations | reservation systems
Opera PMS | Oracle Opera, Opera > Property Management Systems
Property Management Systems | PMS*
`,
  },
  {
    domain: 'software-tools',
    kind: 'tool',
    entries: `
TestCafe > Automated Testing, JavaScript
WebdriverIO | WebDriverIO, webdriver.io > Automated Testing
BrowserStack > Automated Testing
Sauce Labs > Automated Testing
PowerMock > Java, Unit Testing
EasyMock > Java, Unit Testing
MockK > Kotlin, Unit Testing
Vuex > Vue.js
Pinia > Vue.js
NgRx > Angular
Ramda > JavaScript
Snowpack > JavaScript
Strapi > JavaScript
jOOQ > Java, SQL
RxJava > Java
Retrofit* > Android
Dagger* | Dagger 2, Dagger2 > Android
Butter Knife | ButterKnife > Android
Apache Storm | Storm* > Stream Processing
Stream Processing | stream processing frameworks, streaming data processing
Hazelcast > Caching
Aerospike > NoSQL
JMS | Java Message Service > Java, Message Queues
IBM MQ | WebSphere MQ, MQSeries > Message Queues
TIBCO | Tibco, TIBCO EMS > Message Queues
AMQP > Message Queues
MQTT > Internet of Things
Dynatrace > Monitoring
AppDynamics > Monitoring
SonarQube | Sonar*, SonarCloud > Code Review
CMake > C++
Fastlane* > Mobile Development
statsmodels > Python
SAPUI5 | SAP UI5, OpenUI5 > JavaScript
OData > REST APIs
MPLS > Computer Networking
IPv6 | IPv4/IPv6 > Computer Networking
IPv4 > Computer Networking
SSL/TLS | SSL, TLS > Network Security
NETCONF > Computer Networking
YANG* > Computer Networking
OpenConfig > Computer Networking
Bluetooth
Virtual Desktop Infrastructure | VDI
OLAP | OLAP cubes > Data Warehousing
Service-Oriented Architecture | SOA, service oriented architecture, service orientated architecture
Clean Code
Windows* | Microsoft Windows
`,
  },
  {
    domain: 'spoken',
    kind: 'language',
    entries: `
English; Spanish | Castilian; French; German; Italian; Portuguese; Russian; Arabic; Hindi; Bengali | Bangla
Mandarin | Mandarin Chinese, Chinese
Cantonese; Japanese; Korean; Urdu; Punjabi; Tamil; Telugu; Marathi; Gujarati; Kannada; Malayalam
Turkish; Persian | Farsi; Hebrew; Polish*; Dutch | Flemish; Swedish; Norwegian; Danish; Finnish; Greek
Czech; Slovak; Hungarian; Romanian; Bulgarian; Ukrainian; Serbian; Croatian; Bosnian; Slovenian
Lithuanian; Latvian; Estonian; Icelandic; Irish Gaelic; Vietnamese; Thai
Indonesian | Bahasa Indonesia
Malay | Bahasa Melayu
Tagalog | Filipino
Swahili | Kiswahili
Amharic; Yoruba; Hausa; Igbo; Zulu; Xhosa; Afrikaans; Somali; Nepali; Sinhala; Burmese; Khmer; Lao*
Mongolian; Kazakh; Uzbek; Armenian; Georgian*; Albanian; Macedonian; Catalan; Basque; Galician
Latin; Welsh; Maltese; Pashto; Kurdish; Tigrinya; Haitian Creole; Esperanto
American Sign Language | ASL
British Sign Language | BSL
`,
  },
];
