/** Realistic job descriptions written for this project, used by the benchmarks. */
export const JOB_DESCRIPTIONS: string[] = [
  `Senior Data Engineer
Northwind Analytics · San Francisco, CA (Hybrid) · Full-time

About the role
You will design and run the batch and streaming pipelines that feed our analytics platform.

Requirements
- 5+ years of experience with Python
- Strong SQL and data modelling skills
- Experience with Apache Airflow or a similar orchestrator
- Hands-on experience with Apache Spark
- Experience with AWS (S3, EMR, Glue)

Nice to have
- Kafka or other streaming systems
- dbt and Snowflake
- Terraform

Bachelor's degree in Computer Science or a related field.`,
  `Frontend Developer (React)
Remote (EU) · Full-time

We are looking for a frontend developer to build accessible, fast interfaces.

Must have:
* 3+ years of JavaScript and TypeScript
* React and modern CSS
* Experience writing tests with Jest or Playwright
* Git

Bonus points:
* Svelte or Vue
* GraphQL
* Figma`,
  `Registered Nurse — Intensive Care Unit
St. Mary's Hospital, Chicago, IL · Full-time, night shifts

Qualifications
- Active RN license in Illinois
- BLS and ACLS certification required
- 2+ years of ICU experience
- Electronic health records (Epic)
- Patient assessment and medication administration

Preferred
- CCRN certification
- Bachelor of Science in Nursing (BSN)`,
  `Financial Analyst
Contoso Capital · New York, NY · Full-time

Responsibilities include budgeting, forecasting and monthly reporting to leadership.

Required skills
- Advanced Excel (pivot tables, VLOOKUP) and financial modeling
- 3+ years in FP&A or corporate finance
- Experience with SQL and Power BI
- Strong communication skills

Preferred: CPA or CFA, experience with SAP.`,
  `Account Executive, Mid-Market
Fabrikam Software · Austin, TX · Hybrid

You will own the full sales cycle from prospecting to close.

What you bring
- 4+ years of B2B SaaS sales experience
- Salesforce CRM
- Negotiation and presentation skills
- Track record of exceeding quota

Nice to have
- HubSpot
- Spanish language`,
  `DevOps Engineer
Remote (US) · Contract

Requirements:
- Kubernetes and Docker in production
- Terraform and Ansible
- CI/CD with GitHub Actions or Jenkins
- Linux administration and Bash scripting
- Monitoring with Prometheus and Grafana

Preferred:
- Go or Python
- AWS Certified Solutions Architect`,
];
